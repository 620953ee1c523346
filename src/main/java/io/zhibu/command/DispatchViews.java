package io.zhibu.command;

import java.time.LocalDate;
import java.util.List;

/** What the weekly dispatch (周调度, issue 17 point 4) API reads and takes. */
public final class DispatchViews {
    private DispatchViews() {
    }

    /**
     * An item raised at the caller's organization's dispatch meeting of the week containing {@code weekOf}
     * (default this week): what, who answers for it ({@code ownerName}, optionally a subordinate organization), by when.
     */
    public record NewItem(LocalDate weekOf, String title, String ownerName, Long ownerOrgId, LocalDate dueOn) {
    }

    /** A status change of an item; {@code version} optional (409 if someone else was first). */
    public record StatusChange(DispatchItemStatus status, String note, Integer version) {
    }

    /** One child organization's key figures (the rollups of the week's month: meeting and dues rates per mille). */
    public record ChildFigures(long orgId, String name, long members, Integer meetingRate, Integer duesRate,
                               long termsOverdue) {
    }

    /** One open task sent by the organization, with its receivers' progress. */
    public record OpenTask(long id, String title, LocalDate dueOn, long total, long received, long submitted,
                           long accepted, long overdue) {
    }

    /** One dispatch item; {@code overdue}: still open after its due date. */
    public record Item(long id, LocalDate weekStart, String title, String ownerName, Long ownerOrgId,
                       String ownerOrgName, LocalDate dueOn, DispatchItemStatus status, String statusNote,
                       boolean overdue, int version) {
    }

    /**
     * The weekly board of one organization: the week (Monday to Sunday), the figures per child from the rollups of
     * {@code figuresPeriod} (the week's month), the open tasks, the items raised this week and the earlier items
     * still open or settled this week.
     */
    public record Board(long orgId, String orgName, LocalDate weekStart, LocalDate weekEnd, LocalDate previousWeek,
                        LocalDate nextWeek, String figuresPeriod, List<ChildFigures> children, List<OpenTask> tasks,
                        List<Item> raised, List<Item> carried) {
    }
}
