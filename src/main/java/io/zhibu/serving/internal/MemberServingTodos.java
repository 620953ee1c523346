package io.zhibu.serving.internal;

import io.zhibu.serving.AidService;
import io.zhibu.serving.AidStatus;
import io.zhibu.serving.DesignationService;
import io.zhibu.serving.ParticipationStatus;
import io.zhibu.serving.ServingViews.Activity;
import io.zhibu.serving.VolunteerService;
import io.zhibu.shared.DataScope;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a member sees of serving on the phone home: their 亮身份 cards in force, their hardship aid applications of
 * this year once decided or paid, and the volunteer activities they signed up for in the coming week (with the date).
 */
@Component
class MemberServingTodos implements TodoSource {
    private final DesignationService designations;
    private final AidService aid;
    private final VolunteerService volunteers;
    private final java.time.Clock clock;

    MemberServingTodos(DesignationService designations, AidService aid, VolunteerService volunteers, java.time.Clock clock) {
        this.designations = designations;
        this.aid = aid;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if (!scope.selfOnly() || scope.selfMemberId() == null) {
            return List.of();
        }
        List<TodoItem> out = new ArrayList<>();
        for (DesignationService.Designation d : designations.ofMember(scope, scope.selfMemberId())) {
            if (d.inForce()) {
                out.add(new TodoItem("serving", "todo.serving.myCard", List.of(new TodoItem.Key("serving.designation." + d.kind().name()),
                        d.post()), null, Severity.INFO, "/serving/designations", d.orgId()));
            }
        }
        for (AidService.Aid a : aid.mine(scope)) {
            if (a.year() == today.getYear() && a.status() != AidStatus.APPLIED) {
                out.add(new TodoItem("serving", "todo.serving.myAid", List.of(new TodoItem.Key("serving.aid.status." + a.status().name())),
                        null, Severity.INFO, "/serving/aid", a.orgId()));
            }
        }
        for (Activity a : volunteers.myRecord(scope)) {
            LocalDate on = a.startsAt().atZoneSameInstant(clock.getZone()).toLocalDate();
            if (a.mine() != ParticipationStatus.DONE && !on.isBefore(today) && !on.isAfter(today.plusDays(7))) {
                out.add(new TodoItem("serving", "todo.serving.myActivity", List.of(a.title()), on, Severity.INFO,
                        "/serving/activities/" + a.id(), a.orgId()));
            }
        }
        return out;
    }
}
