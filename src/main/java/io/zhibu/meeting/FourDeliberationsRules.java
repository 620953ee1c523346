package io.zhibu.meeting;

import io.zhibu.shared.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * 四议两公开 (rules.md §1.5, 农村基层组织工作条例): a village's major matter passes six steps in this order —
 * 党组织提议 → 村"两委"会议商议 → 党员大会审议 → 村民(代表)会议决议 → 决议公开 → 实施结果公开. The first four are meetings,
 * the last two publications. A pure state machine: the next step is the first not yet recorded, a step is recorded
 * only when it is the next one, never dated before the step before it nor in the future; six steps complete the
 * matter. The 落实率 of a village or subtree is completed matters over matters started.
 */
public final class FourDeliberationsRules {
    /** A matter's state: in progress until its sixth step (实施结果公开) is recorded. */
    public enum MatterStatus {
        IN_PROGRESS, COMPLETED
    }

    /** A recorded step and its date. */
    public record Done(DeliberationStep step, LocalDate heldOn) {
    }

    private FourDeliberationsRules() {
    }

    /** 决议公开 and 实施结果公开 are publications; the other four are meetings. */
    public static boolean publication(DeliberationStep s) {
        return s == DeliberationStep.PUBLISH_RESOLUTION || s == DeliberationStep.PUBLISH_RESULT;
    }

    /** The step expected next, or null when all six are recorded. */
    public static DeliberationStep next(Collection<Done> done) {
        DeliberationStep[] all = DeliberationStep.values();
        return done.size() >= all.length ? null : all[done.size()];
    }

    public static MatterStatus status(Collection<Done> done) {
        return next(done) == null ? MatterStatus.COMPLETED : MatterStatus.IN_PROGRESS;
    }

    /**
     * Why the step cannot be recorded now (empty when it can): {@code step} out of order (the argument is the number
     * 1–6 of the expected step) or the matter already complete; {@code heldOn} missing, in the future or before the
     * previous step's date (the argument).
     */
    public static List<Violation> check(List<Done> done, DeliberationStep step, LocalDate heldOn, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        DeliberationStep expected = next(done);
        if (step == null) {
            out.add(new Violation("step", "validation.required"));
        } else if (expected == null) {
            out.add(new Violation("step", "deliberation.step.complete"));
        } else if (step != expected) {
            out.add(new Violation("step", "deliberation.step.order", expected.ordinal() + 1));
        }
        if (heldOn == null) {
            out.add(new Violation("heldOn", "validation.required"));
        } else if (heldOn.isAfter(today)) {
            out.add(new Violation("heldOn", "deliberation.step.future"));
        } else if (!done.isEmpty() && heldOn.isBefore(done.getLast().heldOn())) {
            out.add(new Violation("heldOn", "deliberation.step.beforePrevious", done.getLast().heldOn()));
        }
        return out;
    }

    /**
     * Whether a meeting record may stand for a meeting step: never for a publication; a meeting tagged 四议两公开 with
     * the same step fits; otherwise 党组织提议 fits a 支委会 and 党员大会审议 a 支部党员大会.
     */
    public static boolean meetingFits(DeliberationStep step, Collection<MeetingType> types, DeliberationStep tagged) {
        if (step == null || publication(step)) {
            return false;
        }
        if (types.contains(MeetingType.FOUR_DELIBERATIONS) && tagged == step) {
            return true;
        }
        return switch (step) {
            case PROPOSE -> types.contains(MeetingType.COMMITTEE);
            case REVIEW -> types.contains(MeetingType.BRANCH_ASSEMBLY);
            default -> false;
        };
    }

    /**
     * Whether an organization holds 四议两公开 matters: a village-level party organization — rural domain, a 总支 or a
     * 支部 (not the township's 党委 nor a 党小组).
     */
    public static boolean village(io.zhibu.org.OrgType type, io.zhibu.org.OrgDomain domain) {
        return domain == io.zhibu.org.OrgDomain.RURAL && (type == io.zhibu.org.OrgType.GENERAL_BRANCH
                || type == io.zhibu.org.OrgType.BRANCH || type == io.zhibu.org.OrgType.JOINT_BRANCH);
    }

    /** 落实率 in per mille: completed matters over matters started; null when none started. */
    public static Integer ratePerMille(long completed, long started) {
        return started == 0 ? null : (int) Math.round(completed * 1000.0 / started);
    }
}
