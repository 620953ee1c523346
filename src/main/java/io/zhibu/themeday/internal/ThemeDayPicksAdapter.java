package io.zhibu.themeday.internal;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.ThemedayPickRecord;
import io.zhibu.db.tables.records.ThemedayThemeRecord;
import io.zhibu.meeting.ThemeDayPicks;
import io.zhibu.org.OrgService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.themeday.ThemeStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The meeting module's {@link ThemeDayPicks}: themes published to a branch (by it or its superiors) for the month of
 * the meeting and the months beside it; the pick is stored here, in the planning transaction, and audited.
 */
@Component
class ThemeDayPicksAdapter implements ThemeDayPicks {
    private final ThemeDayRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;

    ThemeDayPicksAdapter(ThemeDayRepository repo, OrgService orgs, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    private List<ThemedayThemeRecord> offered(String branchPath, LocalDate around) {
        YearMonth m = YearMonth.from(around);
        return repo.visibleAt(branchPath, false, List.of(m.minusMonths(1).toString(), m.toString(), m.plusMonths(1).toString()),
                true, 50);
    }

    @Override
    public List<Choice> choices(DataScope scope, long orgId, LocalDate around) {
        String path = orgs.get(scope, orgId).path(); // 404 outside the scope
        var rows = offered(path, around);
        Map<Long, String> names = orgs.namesOf(rows.stream().map(ThemedayThemeRecord::getOrgId).distinct().toList());
        return rows.stream().map(r -> choice(r, names)).toList();
    }

    @Override
    public void pick(DataScope scope, long meetingId, long orgId, String orgPath, long themeId) {
        ThemedayThemeRecord t = repo.find(themeId).filter(r -> r.getStatus() == ThemeStatus.PUBLISHED)
                .filter(r -> orgPath.startsWith(r.getOrgPath()))
                .orElseThrow(() -> InvalidInputException.of("themeId", "themeday.pick.notOffered"));
        ThemedayPickRecord p = repo.newPick();
        p.setMeetingId(meetingId);
        p.setThemeId(t.getId());
        p.setOrgId(orgId);
        p.setOrgPath(orgPath);
        p.setPickedBy(scope.username());
        p.setPickedAt(OffsetDateTime.now(clock));
        p.store();
        audit.success("themeday.pick", "meeting", meetingId, orgPath, "theme " + t.getId() + " " + t.getTopic());
    }

    @Override
    public Optional<Choice> pickOf(long meetingId) {
        return repo.pickOf(meetingId).flatMap(p -> repo.find(p.getThemeId()))
                .map(r -> choice(r, orgs.namesOf(List.of(r.getOrgId()))));
    }

    private static Choice choice(ThemedayThemeRecord r, Map<Long, String> names) {
        return new Choice(r.getId(), r.getThemeMonth(), r.getTopic(), names.getOrDefault(r.getOrgId(), ""));
    }
}
