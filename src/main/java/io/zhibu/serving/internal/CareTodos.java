package io.zhibu.serving.internal;

import io.zhibu.db.tables.records.ServingTalkRecord;
import io.zhibu.serving.AidService;
import io.zhibu.serving.CareService;
import io.zhibu.serving.DesignationService;
import io.zhibu.serving.VisitPlanService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The secretary's care to-dos: 五必谈 talks owed (urgent once past due), the coming week's 光荣在党 50 年, political
 * birthdays and birthdays of members aged 80+, planned visits due by this month and not yet made, and — from October —
 * the designations still to be reviewed this year. A superior's: hardship aid applications awaiting its decision.
 */
@Component
class CareTodos implements TodoSource {
    /** Yearly reviews of designations are asked for from this month on. */
    static final int REVIEW_FROM_MONTH = 10;
    private final ServingRepository repo;
    private final CareService care;
    private final VisitPlanService plans;
    private final DesignationService designations;
    private final AidService aid;

    CareTodos(ServingRepository repo, CareService care, VisitPlanService plans, DesignationService designations, AidService aid) {
        this.repo = repo;
        this.care = care;
        this.plans = plans;
        this.designations = designations;
        this.aid = aid;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        List<TodoItem> out = new ArrayList<>();
        if (scope.canManageOrgs() && !scope.selfOnly()) {
            for (AidService.Aid a : aid.awaiting(scope)) {
                out.add(new TodoItem("care", "todo.serving.aidDecide", List.of(a.memberName(), a.amountRequested().toPlainString()),
                        a.filedAt().toLocalDate().plusDays(14), Severity.INFO, "/serving/aid", a.orgId()));
            }
        }
        if (scope.role() != Role.BRANCH_SECRETARY || scope.scopeOrgId() == null) {
            return out;
        }
        long branch = scope.scopeOrgId();
        for (ServingTalkRecord t : repo.dueTalksOf(branch, 30)) {
            String name = care.kinds().stream().filter(k -> k.code().equals(t.getKind())).map(k -> k.name()).findFirst()
                    .orElse(t.getKind());
            out.add(new TodoItem("care", "todo.serving.talk", List.of(t.getMemberName(), name), t.getDueOn(),
                    t.getDueOn().isBefore(today) ? Severity.URGENT : Severity.INFO, "/serving/care", branch));
        }
        for (CareService.Reminder r : care.reminders(scope, branch)) {
            out.add(new TodoItem("care", r.what().equals("HONOUR") ? "todo.serving.honour" : "todo.serving.birthday",
                    List.of(r.name(), r.years()), r.on(), Severity.INFO, "/serving/care", branch));
        }
        for (VisitPlanService.Elder e : plans.birthdaysSoon(scope, branch)) {
            out.add(new TodoItem("care", "todo.serving.elderBirthday", List.of(e.name(), e.turning()), e.nextBirthday(),
                    Severity.INFO, "/serving/care", branch));
        }
        for (VisitPlanService.PlanLine l : plans.openNow(branch)) {
            LocalDate due = LocalDate.of(l.year(), l.month(), 1).plusMonths(1).minusDays(1);
            out.add(new TodoItem("care", "todo.serving.plan", List.of(l.memberName(), new TodoItem.Key("serving.visit." + l.kind().name())),
                    due, due.isBefore(today) ? Severity.URGENT : Severity.INFO, "/serving/care", branch));
        }
        if (today.getMonthValue() >= REVIEW_FROM_MONTH) {
            for (DesignationService.Designation d : designations.unreviewed(scope, branch, today.getYear())) {
                out.add(new TodoItem("care", "todo.serving.review", List.of(d.memberName(),
                        new TodoItem.Key("serving.designation." + d.kind().name()), today.getYear()),
                        LocalDate.of(today.getYear(), 12, 31), Severity.INFO, "/serving/designations", branch));
            }
        }
        return out;
    }
}
