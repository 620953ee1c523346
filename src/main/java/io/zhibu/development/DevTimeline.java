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

    public boolean done(DevStep step) {
        return done(step.no());
    }

    public boolean done(int no) {
        return steps.stream().anyMatch(s -> counts(s) && s.stepNo() == no);
    }

    private boolean counts(Done s) {
        return !DevStep.of(s.stepNo()).perConversionRound() || s.round() == conversionRound;
    }

    /** The latest date of a step (current conversion round for 23/24). */
    public LocalDate date(DevStep step) {
        return date(step.no());
    }

    /** The latest date of a step by number. */
    public LocalDate date(int no) {
        return steps.stream().filter(s -> counts(s) && s.stepNo() == no).map(Done::date)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    public Decision decision(DevStep step) {
        return decision(step.no());
    }

    public Decision decision(int no) {
        return steps.stream().filter(s -> counts(s) && s.stepNo() == no).max(Comparator.comparingInt(Done::round))
                .map(Done::decision).orElse(null);
    }

    /** The extension months decided at a step (23, current round), 0 if none. */
    public int extensionOf(DevStep step) {
        return extensionOf(step.no());
    }

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
        if (state.open() && done(DevStep.CULTIVATION) && !done(DevStep.TARGET)) {
            r.add(DevStep.CULTIVATION.no());
        }
        if (state == DevState.PROBATIONARY && done(DevStep.PROBATION_REVIEW) && !done(DevStep.CONVERSION_MEETING)) {
            r.add(DevStep.PROBATION_REVIEW.no());
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
        LocalDate meeting = date(DevStep.BRANCH_MEETING);
        return meeting == null ? null : DevelopmentRules.probationEnd(meeting, extensionMonths);
    }

    /** The earliest date a step may carry (step 7: activist + 1 year; conversion: probation end). */
    public LocalDate earliest(int no) {
        if (no == DevStep.TARGET.no() && date(DevStep.ACTIVIST) != null) {
            return DevelopmentRules.earliestTarget(date(DevStep.ACTIVIST));
        }
        if (no == DevStep.CONVERSION_MEETING.no()) {
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
        int months = no == DevStep.BRANCH_MEETING.no() ? props.meetingWithinMonths() : s.dueMonths();
        return PartyCalendar.plusMonths(date(s.dueBasis()), months);
    }

    public LocalDate latest(int no) {
        LocalDate meeting = date(DevStep.BRANCH_MEETING);
        return no == DevStep.APPROVAL.no() && meeting != null ? DevelopmentRules.approvalLatest(meeting) : null;
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
        if (next == DevStep.TALK.no()) {
            out.add(new Due("TALK", DevStep.TALK.no(), DevelopmentRules.talkDue(date(DevStep.APPLICATION)), null));
        }
        if (done(DevStep.ACTIVIST) && !done(DevStep.TARGET)) {
            LocalDate last = done(DevStep.CULTIVATION) ? date(DevStep.CULTIVATION) : date(DevStep.ACTIVIST);
            out.add(new Due("ACTIVIST_REVIEW", DevStep.CULTIVATION.no(), DevelopmentRules.nextReviewDue(last), null));
        }
        if (next == DevStep.TARGET.no() && date(DevStep.ACTIVIST) != null) {
            out.add(new Due("TARGET_ELIGIBLE", DevStep.TARGET.no(), earliest(7), null));
        }
        if (next == DevStep.BRANCH_MEETING.no()) {
            out.add(new Due("BRANCH_MEETING", DevStep.BRANCH_MEETING.no(), due(15), null));
        }
        if (next == DevStep.UPPER_TALK.no() || next == DevStep.APPROVAL.no()) {
            out.add(new Due("APPROVAL", DevStep.APPROVAL.no(), due(17), latest(17)));
        }
        if (done(DevStep.APPROVAL) && !done(DevStep.OATH)) {
            out.add(new Due("OATH", DevStep.OATH.no(), due(20), null));
        }
        if (done(DevStep.APPROVAL) && !done(DevStep.CONVERSION_MEETING)) {
            LocalDate last = done(DevStep.PROBATION_REVIEW) ? date(DevStep.PROBATION_REVIEW) : date(DevStep.APPROVAL);
            out.add(new Due("PROBATION_REVIEW", DevStep.PROBATION_REVIEW.no(), DevelopmentRules.nextReviewDue(last), null));
            out.add(new Due("PROBATION_END", DevStep.CONVERSION_MEETING.no(), probationEnd(), null));
        }
        if (next == DevStep.CONVERSION_APPROVAL.no()) {
            out.add(new Due("CONVERSION_APPROVAL", DevStep.CONVERSION_APPROVAL.no(), due(24), null));
        }
        return out;
    }
}
