package io.zhibu.learning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The public records of the learning module (bodies of the API and models of the pages). */
public final class LearningRecords {
    private LearningRecords() {
    }

    /** 文章 article (sanitized rich text), PDF document, or video (uploaded file or link). */
    public enum MaterialKind {
        ARTICLE, PDF, VIDEO
    }

    /** Who an item is for: everyone, secretaries and committee members (R7.1), or probationary members (R7.2). */
    public enum Audience {
        ALL, CADRES, PROBATIONARY
    }

    /** 单选 / 多选 / 判断. */
    public enum QuestionKind {
        SINGLE, MULTIPLE, TRUE_FALSE
    }

    public enum LevelStatus {
        LOCKED, OPEN, PASSED
    }

    /** A quiz attempt (闯关): open while answering, then passed or failed; a new start abandons an open one. */
    public enum AttemptStatus {
        OPEN, PASSED, FAILED, ABANDONED
    }

    public enum PaperKind {
        /** 闭卷测试. */
        TEST,
        /** 知识竞赛. */
        CONTEST
    }

    // ---------------------------------------------------------------- materials

    /** Publishing an item; for PDF and uploaded video the file goes alongside (multipart). {@code requiredPeriod}: "2026-05". */
    public record MaterialForm(Long orgId, MaterialKind kind, String title, String topic, Audience audience,
                               Integer minutes, String bodyHtml, String videoUrl, String requiredPeriod) {
    }

    public record MaterialSummary(long id, long orgId, MaterialKind kind, String title, String topic, Audience audience,
                                  int minutes, String requiredPeriod, OffsetDateTime createdAt, boolean completed) {
    }

    public record MaterialView(MaterialSummary summary, String bodyHtml, String videoUrl, String fileName,
                               String contentType, boolean hasFile, int minDwellSeconds, int beatSeconds,
                               int dwellSeconds, Completion completion, boolean canStudy) {
    }

    /** Browse result: the period's required list and the other items. */
    public record Library(String period, List<MaterialSummary> required, List<MaterialSummary> items, int requiredDone) {
    }

    /** The state after a heartbeat: dwell so far today on this item and whether it may be completed. */
    public record Beat(long materialId, int dwellSeconds, int minDwellSeconds, boolean canComplete, boolean completed) {
    }

    /** A completion; {@code repeated} when it had been completed before (then nothing was counted again). */
    public record Completion(long materialId, LocalDate date, int dwellSeconds, int minutes, boolean repeated,
                             boolean capped) {
    }

    /** A stored file with its name and sniffed type. */
    public record FileContent(String fileName, String contentType, byte[] bytes) {
    }

    // ---------------------------------------------------------------- study hours (学时)

    public enum HoursSource {
        ONLINE, MEETING, OFFLINE
    }

    public record HoursLine(HoursSource source, String ref, String title, LocalDate date, BigDecimal hours) {
    }

    /** One member's year against the requirement (R7.1) with the pace as the year advances. */
    public record MemberHours(long memberId, String name, int year, boolean cadre, int required, BigDecimal online,
                              BigDecimal meeting, BigDecimal offline, BigDecimal total, int percent,
                              BigDecimal expectedByNow, StudyRules.Pace pace) {
    }

    public record MyHours(MemberHours hours, List<HoursLine> lines, List<LocalDate> studyDays) {
    }

    public record BranchHours(long orgId, String orgName, int year, List<MemberHours> members, int behind, int done) {
    }

    /** Offline training entered by the branch (R7.3): one course for several members, with evidence. */
    public record OfflineForm(List<Long> memberIds, String title, LocalDate from, LocalDate to, BigDecimal hours,
                              String evidence) {
    }

    public record CadreForm(Boolean cadre) {
    }

    // ---------------------------------------------------------------- quiz bank and levels

    public record BankForm(Long orgId, String name) {
    }

    public record BankSummary(long id, long orgId, String name, int questions, int levels, boolean canEdit) {
    }

    public record QuestionForm(QuestionKind kind, String stem, List<String> options, String answer, String explanation,
                               Integer version) {
    }

    /** A question; {@code answer} and {@code explanation} only for those who edit the bank. */
    public record QuestionView(long id, QuestionKind kind, String stem, List<String> options, String answer,
                               String explanation, boolean active, int version) {
    }

    /** One completed study item (学习资料) of the completions feed: the facts {@code MaterialCompleted} carried. */
    public record CompletedStudy(long id, long memberId, long materialId, int minutes, LocalDate date) {
    }

    /** What removing a question did: DELETED (never used) or RETIRED (kept for the attempts and papers that use it). */
    public enum Removal { DELETED, RETIRED }

    public record QuestionRemoval(long id, Removal outcome) {
    }

    public record ActiveForm(Boolean active) {
    }

    public record ImportResult(int imported, int rows) {
    }

    public record LevelForm(Integer levelNo, Integer questions, Integer passCorrect, Integer secondsPerQuestion) {
    }

    public record LevelView(int levelNo, int questions, int passCorrect, int secondsPerQuestion, LevelStatus status) {
    }

    public record BankView(BankSummary bank, List<LevelView> levels, List<QuestionView> questions, int attemptsLeftToday) {
    }

    /** The question being asked: no answer in it; {@code secondsLeft} by the server clock. */
    public record QuestionCard(int seq, int total, QuestionKind kind, String stem, List<String> options, int seconds,
                               int secondsLeft) {
    }

    /** An attempt at a level; {@code current} is null once finished. */
    public record AttemptView(long id, long bankId, int levelNo, String status, int answered, int total, int correct,
                              int passCorrect, QuestionCard current, boolean passed, Feedback last) {
    }

    /** What the member learns about the answer just given. */
    public record Feedback(int seq, boolean correct, boolean late, String rightAnswer, String explanation) {
    }

    public record AnswerForm(Integer seq, String answer) {
    }

    // ---------------------------------------------------------------- closed-book tests and contests

    public record PaperForm(Long orgId, PaperKind kind, String title, Long bankId, Integer questions,
                            OffsetDateTime opensAt, OffsetDateTime closesAt, Integer minutes) {
    }

    public record PaperView(long id, long orgId, PaperKind kind, String title, long bankId, int questions,
                            OffsetDateTime opensAt, OffsetDateTime closesAt, int minutes, boolean open,
                            BigDecimal myScore) {
    }

    /** A member's paper: the fixed questions (without answers) and the server deadline. */
    public record PaperSheet(PaperView paper, List<QuestionCard> questions, OffsetDateTime deadline, boolean submitted,
                             BigDecimal score) {
    }

    public record SubmitForm(Map<Integer, String> answers) {
    }

    public record RankLine(int rank, long memberId, String name, long orgId, String orgName, BigDecimal score,
                           int secondsUsed) {
    }

    public record Ranking(long paperId, long orgId, List<RankLine> lines) {
    }
}
