package io.zhibu.portal;

import io.zhibu.learning.StudyRules;
import io.zhibu.meeting.MeetingRecords.MyAttendance;
import io.zhibu.meeting.MeetingService;
import io.zhibu.meeting.MeetingRecords.MeetingStatus;
import io.zhibu.member.MemberService;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoService;
import io.zhibu.warning.WarningQuery;
import io.zhibu.warning.WarningViews;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each role's home. A member gets an app-like page (their name and branch, what is due now, large tiles); the
 * managing roles get their scope's figures, the open warnings grouped by rule, and their to-dos.
 */
@Controller
public class HomeController {
    private static final Logger log = LoggerFactory.getLogger(HomeController.class);
    static final int TODOS_SHOWN = 8;

    private final OrgService orgs;
    private final MemberService members;
    private final MeetingService meetings;
    private final StudyRules studyRules;
    private final TodoService todos;
    private final WarningQuery warnings;
    private final Messages messages;
    private final Clock clock;

    public HomeController(OrgService orgs, MemberService members, MeetingService meetings, StudyRules studyRules,
                          TodoService todos, WarningQuery warnings, Messages messages, Clock clock) {
        this.orgs = orgs;
        this.members = members;
        this.meetings = meetings;
        this.studyRules = studyRules;
        this.todos = todos;
        this.warnings = warnings;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** A to-do line on the home page: text, deadline, link; {@code count} &gt; 1 when identical items were grouped. */
    public record Due(String title, LocalDate dueOn, Severity severity, String href, int count) {
    }

    /** The open warnings of one rule in the scope (all severities), with the worst severity. */
    public record WarningGroup(String rule, Severity worst, long count) {
    }

    @GetMapping("/")
    public String home(Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("role", scope.role().name());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        if (scope.role() != Role.SECURITY_ADMIN && scope.role() != Role.AUDITOR) {
            List<Due> due = grouped(safeTodos(scope));
            model.addAttribute("todoTotal", due.size());
            model.addAttribute("todos", due.size() > TODOS_SHOWN ? due.subList(0, TODOS_SHOWN) : due);
        }
        if (scope.role() == Role.MEMBER && scope.selfMemberId() != null) {
            model.addAttribute("me", members.get(scope, scope.selfMemberId()));
            model.addAttribute("soon", upcomingMeetings(scope, today));
            List<LocalDate> days = studyRules.nextStudyDays(today, 1);
            model.addAttribute("studyDay", days.isEmpty() ? null : days.getFirst());
            return "home-member";
        }
        if (scope.canReadOrgs()) {
            List<Organization> roots = orgs.scopeRoots(scope);
            model.addAttribute("roots", roots.stream().map(o -> orgs.detail(scope, o.id())).toList());
        }
        if (scope.canManageMembers()) {
            model.addAttribute("warningGroups", warningGroups(scope));
        }
        return "home";
    }

    private List<TodoItem> safeTodos(DataScope scope) {
        try {
            return todos.todos(scope);
        } catch (RuntimeException e) {
            log.warn("to-do list unavailable on the home page", e);
            return List.of();
        }
    }

    /** Identical lines (same text and link) are shown once with their number: the list is never a wall of repeats. */
    List<Due> grouped(List<TodoItem> items) {
        Map<String, Due> out = new LinkedHashMap<>();
        for (TodoItem t : items) {
            Object[] args = t.args().stream().map(a -> a instanceof TodoItem.Key k ? messages.get(k.code()) : a).toArray();
            String title = messages.get(t.messageKey(), args);
            out.merge(title + '\u0000' + t.href(), new Due(title, t.dueOn(), t.severity(), t.href(), 1),
                    (a, b) -> new Due(a.title(), a.dueOn(), a.severity(), a.href(), a.count() + 1));
        }
        return new ArrayList<>(out.values());
    }

    private List<WarningGroup> warningGroups(DataScope scope) {
        Map<String, WarningGroup> by = new LinkedHashMap<>();
        for (WarningViews.RuleSeverityCount c : warnings.openCounts(scope, null)) {
            by.merge(c.rule(), new WarningGroup(c.rule(), c.severity(), c.count()), (a, b) -> new WarningGroup(a.rule(),
                    a.worst().rank() >= b.worst().rank() ? a.worst() : b.worst(), a.count() + b.count()));
        }
        return by.values().stream().sorted(Comparator.comparingInt((WarningGroup g) -> -g.worst().rank())
                .thenComparingLong(g -> -g.count())).toList();
    }

    /** The member's meetings of today and the next seven days that are not over yet. */
    private List<MyAttendance> upcomingMeetings(DataScope scope, LocalDate today) {
        ZoneId zone = clock.getZone();
        try {
            return meetings.my(scope).stream()
                    .filter(a -> a.meeting().status() != MeetingStatus.LOCKED)
                    .filter(a -> {
                        LocalDate d = a.meeting().startsAt().atZoneSameInstant(zone).toLocalDate();
                        return !d.isBefore(today) && !d.isAfter(today.plusDays(7));
                    })
                    .sorted(Comparator.comparing(a -> a.meeting().startsAt())).limit(3).toList();
        } catch (RuntimeException e) {
            log.warn("meetings unavailable on the member's home page", e);
            return List.of();
        }
    }
}
