package io.zhibu.development;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Commands and views of the development module (API bodies and page models). */
public final class DevelopmentModel {
    private DevelopmentModel() {
    }

    /** Register a 入党申请人 (step 1): the written application with its date. */
    public record ApplicantForm(Long orgId, String name, String idNumber, String ethnicity, LocalDate appliedOn,
                                String attachments) {
    }

    /**
     * Complete a step. Which fields are needed depends on the step ({@link DevStep#inputs()}); {@code memberIds} is a
     * comma-separated list of roster ids (contacts, sponsors); {@code version} is the person's version you read.
     */
    public record StepForm(Integer version, LocalDate date, String people, String memberIds, Decision decision,
                           Integer votesDue, Integer votesPresent, Integer votesYes, Integer votesWrittenYes,
                           Integer votesNo, Integer votesAbstain, String ballot, LocalDate noticeFrom,
                           LocalDate noticeTo, Integer trainingDays, Integer trainingHours, String exceptionReason,
                           String exceptionApprover, String documentNo, Integer extensionMonths, String attachments,
                           String note, Long groupOrgId) {
        public static StepForm empty(Integer version, String ballot) {
            return new StepForm(version, null, null, null, null, null, null, null, null, null, null, ballot, null,
                    null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** A logged correction of a recorded step date (dates are never edited silently). */
    public record AmendForm(Integer version, Integer stepNo, Integer round, LocalDate date, String reason) {
    }

    /** 终止培养 with reason (before admission). */
    public record CloseForm(Integer version, LocalDate date, String reason) {
    }

    public record PlanForm(Long orgId, Integer year, Integer planned) {
    }

    public record PersonSummary(long id, String name, long orgId, String orgName, DevState state, int lastStep,
                                LocalDate lastStepOn, Integer nextStep, String idNumberMasked, LocalDate appliedOn) {
    }

    public record StepRecord(long id, int stepNo, int round, LocalDate date, String people, String memberIds,
                             Decision decision, Integer votesDue, Integer votesPresent, Integer votesYes,
                             Integer votesWrittenYes, Integer votesNo, Integer votesAbstain, String ballot,
                             LocalDate noticeFrom, LocalDate noticeTo, Boolean noticeProvisional,
                             Integer trainingDays, Integer trainingHours, String exceptionReason,
                             String exceptionApprover, String documentNo, Integer extensionMonths,
                             String attachments, String note, String createdBy, Long groupOrgId) {
    }

    /** The step that can be completed now, what it needs, and its time window. */
    public record NextStep(int stepNo, int stage, int round, List<DevStep.Input> needs, LocalDate earliestOn,
                           LocalDate dueOn, LocalDate latestOn, List<Integer> repeatable) {
    }

    public enum DeadlineStatus {
        UPCOMING, DUE_SOON, OVERDUE
    }

    /** A dated obligation on the secretary's to-do list. */
    public record Deadline(String kind, int stepNo, long personId, String personName, long orgId, LocalDate dueOn,
                           LocalDate latestOn, DeadlineStatus status) {
    }

    public record ChecklistItem(String key, boolean present) {
    }

    public record LogEntry(OffsetDateTime at, String actor, String action, Integer stepNo, String detail) {
    }

    public record PersonDetail(PersonSummary person, String gender, LocalDate birthDate, String ethnicity,
                               Long memberId, int extensionMonths, int conversionRound, LocalDate probationEndsOn,
                               LocalDate closedOn, String closedReason, List<StepRecord> steps, NextStep next,
                               List<Deadline> deadlines, List<ChecklistItem> checklist, List<LogEntry> log,
                               int version) {
    }

    public record Pipeline(long orgId, String orgName, int year, Map<DevState, Long> counts, long planned,
                           long admitted, List<PersonSummary> stuck, List<Deadline> overdue) {
    }
}
