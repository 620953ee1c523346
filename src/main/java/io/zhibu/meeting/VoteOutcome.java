package io.zhibu.meeting;

import io.zhibu.meeting.MeetingRecords.VoteKind;
import io.zhibu.shared.VoteArithmetic;

/**
 * R6.4: validity and pass/fail of a vote-bearing meeting, computed from the entered counts with
 * {@link VoteArithmetic} (R1.11–R1.14, R2.9). The human-entered result is stored beside it, never replaced.
 */
public record VoteOutcome(boolean valid, boolean passed) {

    public static VoteOutcome of(VoteKind kind, int due, int present, int yes, int writtenYes,
                                 VoteArithmetic.MajorityBase electionBase) {
        boolean valid;
        boolean passed;
        switch (kind) {
            case MOTION -> { // R1.14
                valid = VoteArithmetic.meetingQuorum(due, present);
                passed = valid && VoteArithmetic.motionPasses(due, yes);
            }
            case ADMISSION -> { // R2.9
                valid = VoteArithmetic.admissionQuorum(due, present);
                passed = valid && VoteArithmetic.admissionPasses(due, yes, writtenYes);
            }
            default -> { // R1.11, R1.13
                valid = VoteArithmetic.electionQuorum(due, present);
                passed = valid && VoteArithmetic.elected(yes, due, present, electionBase);
            }
        }
        return new VoteOutcome(valid, passed);
    }
}
