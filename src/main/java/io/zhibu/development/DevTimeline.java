package io.zhibu.development;

import io.zhibu.shared.PartyCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The state machine over one person's recorded steps: which step is next (in the order of {@link DevStep}), which
 * reviews may be repeated, and the dated obligations (deadlines) of R2.12. Pure: unit-tested with rules.md numbers.
 */
public final class DevTimeline {
    /** One recorded step. */
    public record Done(int stepNo, int round, LocalDate date, Decision decision, Integer extensionMonths) {
    }

    /** A dated obligation: due on {@code dueOn}, at the latest {@code latestOn} (may be null). */
    public record Due(String kind, int stepNo, LocalDate dueOn, LocalDate latestOn) {
    }

    private final List<Done> steps;
    private final DevState state;
    private final int conversionRound;
    private final int extensionMonths;
    private final DevelopmentProperties props;

    public DevTimeline(List<Done> steps, DevState state, int conversionRound, int extensionMonths,
                       DevelopmentProperties props) {
        this.steps = List.copyOf(steps);
        this.state = state;
        this.conversionRound = conversionRound;
        this.extensionMonths = extensionMonths;
        this.props = props;
    }

    public boolean done(int no) {
        return steps.stream().anyMatch(s -> counts(s) && s.stepNo() == no);
    }

    private boolean counts(Done s) {
        return !DevStep.of(s.stepNo()).perConversionRound() || s.round() == conversionRound;
    }

    /** The latest date of a step (current conversion round for 23/24). */
    public LocalDate date(int no) {
        return steps.stream().filter(s -> counts(s) && s.stepNo() == no).map(Done::date)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    public Decision decision(int no) {
        return steps.stream().filter(s -> counts(s) && s.stepNo() == no).max(Comparator.comparingInt(Done::round))
                .map(Done::decision).orElse(null);
    }

    /** The extension months decided at a step (23, current round), 0 if none. */
    public int extensionOf(int no) {
        return steps.stream().filter(s -> counts(s) && s.stepNo() == no && s.extensionMonths() != null)
                .map(Done::extensionMonths).findFirst().orElse(0);
    }

    /** R2.12 date order: the latest date recorded so far. */
    public LocalDate lastDate() {
        return steps.stream().map(Done::date).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The next step to complete, 0 when the file is closed or complete. */
    public int next() {
        if (!state.open()) {
            return 0;
        }
        for (int n = 1; n <= 25; n++) {
            if (!done(n)) {
                return n;
            }
        }
        return 0;
    }

    /** Reviews that may be recorded again now: 6 until step 7, 21 until the conversion meeting. */
    public List<Integer> repeatable() {
        List<Integer> r = new ArrayList<>();
        if (state.open() && done(6) && !done(7)) {
            r.add(6);
        }
        if (state == DevState.PROBATIONARY && done(21) && !done(23)) {
            r.add(21);
        }
        return r;
    }

    public int roundFor(int no) {
        DevStep s = DevStep.of(no);
        if (s.perConversionRound()) {
            return conversionRound;
        }
        return s.repeatable() ? (int) steps.stream().filter(d -> d.stepNo() == no).count() + 1 : 1;
    }

    /** R2.8/R2.10/R2.11: probation end from the branch-meeting date (step 15) plus any extension. */
    public LocalDate probationEnd() {
        LocalDate meeting = date(15);
        return meeting == null ? null : DevelopmentRules.probationEnd(meeting, extensionMonths);
    }

    /** The earliest date a step may carry (step 7: activist + 1 year; conversion: probation end). */
    public LocalDate earliest(int no) {
        if (no == 7 && date(3) != null) {
            return DevelopmentRules.earliestTarget(date(3));
        }
        if (no == 23) {
            return probationEnd();
        }
        return null;
    }

    /** The due date of a step from the date of its basis step (R2.4 calendar months). */
    public LocalDate due(int no) {
        DevStep s = DevStep.of(no);
        if (s.dueBasis() == 0 || date(s.dueBasis()) == null) {
            return null;
        }
        int months = no == 15 ? props.meetingWithinMonths() : s.dueMonths();
        return PartyCalendar.plusMonths(date(s.dueBasis()), months);
    }

    public LocalDate latest(int no) {
        return no == 17 && date(15) != null ? DevelopmentRules.approvalLatest(date(15)) : null;
    }

    /**
     * To-do status: on the list {@code leadDays} before the due date (DUE_SOON), OVERDUE after it. An earliest
     * date (TARGET_ELIGIBLE) is never overdue: it is a permission, not an obligation.
     */
    public static DevelopmentModel.DeadlineStatus status(Due d, LocalDate today, int leadDays) {
        if (today.isAfter(d.dueOn())) {
            return "TARGET_ELIGIBLE".equals(d.kind()) ? DevelopmentModel.DeadlineStatus.DUE_SOON
                    : DevelopmentModel.DeadlineStatus.OVERDUE;
        }
        return today.isBefore(d.dueOn().minusDays(leadDays)) ? DevelopmentModel.DeadlineStatus.UPCOMING
                : DevelopmentModel.DeadlineStatus.DUE_SOON;
    }

    /** Every open obligation of this person (R2.12 timers), whatever its distance from today. */
    public List<Due> deadlines() {
        List<Due> out = new ArrayList<>();
        int next = next();
        if (next == 0) {
            return out;
        }
        if (next == 2) {
            out.add(new Due("TALK", 2, DevelopmentRules.talkDue(date(1)), null));
        }
        if (done(3) && !done(7)) {
            LocalDate last = done(6) ? date(6) : date(3);
            out.add(new Due("ACTIVIST_REVIEW", 6, DevelopmentRules.nextReviewDue(last), null));
        }
        if (next == 7 && date(3) != null) {
            out.add(new Due("TARGET_ELIGIBLE", 7, earliest(7), null));
        }
        if (next == 15) {
            out.add(new Due("BRANCH_MEETING", 15, due(15), null));
        }
        if (next == 16 || next == 17) {
            out.add(new Due("APPROVAL", 17, due(17), latest(17)));
        }
        if (done(17) && !done(20)) {
            out.add(new Due("OATH", 20, due(20), null));
        }
        if (done(17) && !done(23)) {
            LocalDate last = done(21) ? date(21) : date(17);
            out.add(new Due("PROBATION_REVIEW", 21, DevelopmentRules.nextReviewDue(last), null));
            out.add(new Due("PROBATION_END", 23, probationEnd(), null));
        }
        if (next == 24) {
            out.add(new Due("CONVERSION_APPROVAL", 24, due(24), null));
        }
        return out;
    }
}
