package io.zhibu.member;

import io.zhibu.shared.ConflictException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.PartyCalendar;
import io.zhibu.shared.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The member status machine of rules.md §3 (pure: no database), and who may vote (R1.10, R3.3). */
public final class MemberLifecycleRules {
    /** R3.3: 留党察看 lasts at most two years. */
    public static final int MAX_PROBATION_IN_PARTY_YEARS = 2;

    private MemberLifecycleRules() {
    }

    /**
     * Checks a change against the current state: a state that does not allow it → {@link ConflictException};
     * missing or wrong fields → {@link InvalidInputException} with every violation.
     */
    public static void check(LifecycleState s, LifecycleChange c, LocalDate today) {
        if (c.type() == null || !MemberEventType.MANUAL.contains(c.type())) {
            throw InvalidInputException.of("type", "validation.required");
        }
        if (s.exited()) {
            throw new ConflictException("lifecycle.conflict.exited"); // R3.1: exits and death are terminal
        }
        List<Violation> errors = new ArrayList<>();
        LocalDate on = c.effectiveOn();
        if (on == null) {
            errors.add(new Violation("effectiveOn", "validation.required"));
        } else if (on.isAfter(today)) {
            errors.add(new Violation("effectiveOn", "validation.futureDate"));
        } else if (on.isBefore(s.joinedOn())) {
            errors.add(new Violation("effectiveOn", "lifecycle.beforeJoined"));
        }
        boolean needsDecision = switch (c.type()) {
            case SUSPENDED, RESTORED, EXITED, DISCIPLINED -> true;
            default -> false;
        };
        if (needsDecision && blank(c.reason())) {
            errors.add(new Violation("reason", "validation.required"));
        }
        if (needsDecision && blank(c.decidedBy())) {
            errors.add(new Violation("decidedBy", "validation.required"));
        }
        switch (c.type()) {
            case BECAME_FULL -> {
                if (s.category() != MemberCategory.PROBATIONARY) {
                    throw new ConflictException("lifecycle.conflict.alreadyFull");
                }
                LocalDate end = PartyCalendar.fullMemberDate(s.joinedOn(), s.probationExtensionMonths()); // R2.8
                if (end.isAfter(today)) {
                    errors.add(new Violation("effectiveOn", "member.full.probationNotOver", end));
                }
            }
            case SUSPENDED -> {
                if (s.standing() == MemberStanding.SUSPENDED) {
                    throw new ConflictException("lifecycle.conflict.alreadySuspended");
                }
            }
            case RESTORED -> {
                if (s.standing() != MemberStanding.SUSPENDED) {
                    throw new ConflictException("lifecycle.conflict.notSuspended");
                }
            }
            case EXITED -> {
                if (c.exitType() == null || c.exitType() == ExitType.DEATH || c.exitType() == ExitType.TRANSFERRED_OUT) {
                    errors.add(new Violation("exitType", "validation.required"));
                } else if (c.exitType() == ExitType.PROBATION_CANCELLED && s.category() != MemberCategory.PROBATIONARY) {
                    errors.add(new Violation("exitType", "lifecycle.exit.notProbationary")); // R2.11
                }
            }
            case FLOW_STARTED -> {
                if (s.flowMember()) {
                    throw new ConflictException("lifecycle.conflict.alreadyFlow");
                }
                if (blank(c.destination())) {
                    errors.add(new Violation("destination", "validation.required"));
                }
            }
            case FLOW_ENDED -> {
                if (!s.flowMember()) {
                    throw new ConflictException("lifecycle.conflict.notFlow");
                }
            }
            case LOST_CONTACT -> {
                if (s.lostContact()) {
                    throw new ConflictException("lifecycle.conflict.alreadyLost");
                }
            }
            case CONTACT_RESTORED -> {
                if (!s.lostContact()) {
                    throw new ConflictException("lifecycle.conflict.notLost");
                }
            }
            case DISCIPLINED -> {
                if (c.disciplineType() == null) {
                    errors.add(new Violation("disciplineType", "validation.required"));
                } else if (c.disciplineType() == DisciplineType.PROBATION_IN_PARTY) {
                    // R3.3: 留党察看 needs its end date, at most two years after the decision.
                    if (c.untilOn() == null) {
                        errors.add(new Violation("untilOn", "validation.required"));
                    } else if (on != null && (!c.untilOn().isAfter(on)
                            || c.untilOn().isAfter(on.plusYears(MAX_PROBATION_IN_PARTY_YEARS)))) {
                        errors.add(new Violation("untilOn", "lifecycle.probationInParty.range"));
                    }
                } else if (c.untilOn() != null && on != null && !c.untilOn().isAfter(on)) {
                    errors.add(new Violation("untilOn", "lifecycle.until.beforeStart"));
                }
            }
            case DISCIPLINE_ENDED -> {
                if (s.disciplineType() == null) {
                    throw new ConflictException("lifecycle.conflict.noDiscipline");
                }
            }
            default -> {
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * R1.10, R3.3: only full members in normal standing, not exited and not under a running 留党察看, may vote
     * and stand for election on {@code date}.
     */
    public static boolean mayVote(LifecycleState s, LocalDate date) {
        return !s.exited() && s.category() == MemberCategory.FULL && s.standing() == MemberStanding.NORMAL
                && !probationInPartyRuns(s.disciplineType(), s.disciplineUntil(), date);
    }

    /** R3.3: 留党察看 removes voting rights until its end date (exclusive). */
    public static boolean probationInPartyRuns(DisciplineType type, LocalDate until, LocalDate date) {
        return type == DisciplineType.PROBATION_IN_PARTY && (until == null || date.isBefore(until));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
