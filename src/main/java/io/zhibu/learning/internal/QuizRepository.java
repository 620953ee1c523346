package io.zhibu.learning.internal;

import static io.zhibu.db.Tables.LEARNING_ATTEMPT;
import static io.zhibu.db.Tables.LEARNING_ATTEMPT_ITEM;
import static io.zhibu.db.Tables.LEARNING_BANK;
import static io.zhibu.db.Tables.LEARNING_LEVEL;
import static io.zhibu.db.Tables.LEARNING_LEVEL_PASS;
import static io.zhibu.db.Tables.LEARNING_MEMBER;
import static io.zhibu.db.Tables.LEARNING_PAPER;
import static io.zhibu.db.Tables.LEARNING_QUESTION;

import io.zhibu.db.tables.records.LearningAttemptItemRecord;
import io.zhibu.db.tables.records.LearningAttemptRecord;
import io.zhibu.db.tables.records.LearningBankRecord;
import io.zhibu.db.tables.records.LearningLevelRecord;
import io.zhibu.db.tables.records.LearningQuestionRecord;
import io.zhibu.learning.LearningRecords.AttemptStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** SQL of the question banks and the level game (题库与闯关): banks, questions, levels, attempts and passes. */
@Repository
public class QuizRepository {
    private final DSLContext db;

    public QuizRepository(DSLContext db) {
        this.db = db;
    }

    // ---------------------------------------------------------------- banks

    /** The banks a scope may read (its subtree and its superiors'), oldest first. */
    public List<LearningBankRecord> banks(String scopePath, int limit) {
        return db.selectFrom(LEARNING_BANK).where(LearningRepository.readable(LEARNING_BANK.ORG_PATH, scopePath))
                .orderBy(LEARNING_BANK.ID).limit(limit).fetch();
    }

    public LearningBankRecord newBank() {
        return db.newRecord(LEARNING_BANK);
    }

    public Optional<LearningBankRecord> bank(long bankId) {
        return db.selectFrom(LEARNING_BANK).where(LEARNING_BANK.ID.eq(bankId)).fetchOptional();
    }

    // ---------------------------------------------------------------- questions

    public LearningQuestionRecord newQuestion() {
        return db.newRecord(LEARNING_QUESTION);
    }

    public List<LearningQuestionRecord> questionsOfBank(long bankId, int limit) {
        return db.selectFrom(LEARNING_QUESTION).where(LEARNING_QUESTION.BANK_ID.eq(bankId)).orderBy(LEARNING_QUESTION.ID)
                .limit(limit).fetch();
    }

    public Optional<LearningQuestionRecord> question(long bankId, long questionId) {
        return db.selectFrom(LEARNING_QUESTION).where(LEARNING_QUESTION.ID.eq(questionId))
                .and(LEARNING_QUESTION.BANK_ID.eq(bankId)).fetchOptional();
    }

    public LearningQuestionRecord question(long questionId) {
        return db.selectFrom(LEARNING_QUESTION).where(LEARNING_QUESTION.ID.eq(questionId)).fetchOne();
    }

    public Map<Long, LearningQuestionRecord> questions(List<Long> ids) {
        return db.selectFrom(LEARNING_QUESTION).where(LEARNING_QUESTION.ID.in(ids)).fetchMap(LEARNING_QUESTION.ID);
    }

    /** Whether an attempt or a test paper of the bank has used the question (then it is retired, never deleted). */
    public boolean questionUsed(long bankId, long questionId) {
        String id = String.valueOf(questionId);
        return db.fetchExists(LEARNING_ATTEMPT_ITEM, LEARNING_ATTEMPT_ITEM.QUESTION_ID.eq(questionId))
                || db.select(LEARNING_PAPER.QUESTION_IDS).from(LEARNING_PAPER).where(LEARNING_PAPER.BANK_ID.eq(bankId))
                .fetch(LEARNING_PAPER.QUESTION_IDS).stream().anyMatch(ids -> List.of(ids.split(",")).contains(id));
    }

    /** Retires or restores a question; false when the bank holds no such question. */
    public boolean setActive(long bankId, long questionId, boolean active) {
        return db.update(LEARNING_QUESTION).set(LEARNING_QUESTION.ACTIVE, active)
                .set(LEARNING_QUESTION.VERSION, LEARNING_QUESTION.VERSION.plus(1))
                .where(LEARNING_QUESTION.ID.eq(questionId)).and(LEARNING_QUESTION.BANK_ID.eq(bankId)).execute() > 0;
    }

    /** The ids of the bank's active questions (those that may be drawn). */
    public List<Long> activeQuestionIds(long bankId) {
        return db.select(LEARNING_QUESTION.ID).from(LEARNING_QUESTION).where(LEARNING_QUESTION.BANK_ID.eq(bankId))
                .and(LEARNING_QUESTION.ACTIVE.isTrue()).fetch(LEARNING_QUESTION.ID);
    }

    public int activeQuestions(long bankId) {
        return db.fetchCount(LEARNING_QUESTION, LEARNING_QUESTION.BANK_ID.eq(bankId).and(LEARNING_QUESTION.ACTIVE.isTrue()));
    }

    // ---------------------------------------------------------------- levels

    public List<LearningLevelRecord> levels(long bankId) {
        return db.selectFrom(LEARNING_LEVEL).where(LEARNING_LEVEL.BANK_ID.eq(bankId)).orderBy(LEARNING_LEVEL.LEVEL_NO).fetch();
    }

    public int countLevels(long bankId) {
        return db.fetchCount(LEARNING_LEVEL, LEARNING_LEVEL.BANK_ID.eq(bankId));
    }

    public LearningLevelRecord level(long bankId, int levelNo) {
        return db.selectFrom(LEARNING_LEVEL).where(LEARNING_LEVEL.BANK_ID.eq(bankId))
                .and(LEARNING_LEVEL.LEVEL_NO.eq(levelNo)).fetchOne();
    }

    /** The level, or a new (unsaved) record of it. */
    public LearningLevelRecord levelOrNew(long bankId, int levelNo) {
        return Optional.ofNullable(level(bankId, levelNo)).orElseGet(() -> {
            LearningLevelRecord x = db.newRecord(LEARNING_LEVEL);
            x.setBankId(bankId);
            x.setLevelNo(levelNo);
            return x;
        });
    }

    public Set<Integer> passedLevels(long memberId, long bankId) {
        return new HashSet<>(db.select(LEARNING_LEVEL_PASS.LEVEL_NO).from(LEARNING_LEVEL_PASS)
                .where(LEARNING_LEVEL_PASS.MEMBER_ID.eq(memberId)).and(LEARNING_LEVEL_PASS.BANK_ID.eq(bankId))
                .fetch(LEARNING_LEVEL_PASS.LEVEL_NO));
    }

    public void insertPass(LearningAttemptRecord a) {
        db.insertInto(LEARNING_LEVEL_PASS, LEARNING_LEVEL_PASS.MEMBER_ID, LEARNING_LEVEL_PASS.BANK_ID,
                        LEARNING_LEVEL_PASS.LEVEL_NO, LEARNING_LEVEL_PASS.ATTEMPT_ID, LEARNING_LEVEL_PASS.PASSED_ON)
                .values(a.getMemberId(), a.getBankId(), a.getLevelNo(), a.getId(), a.getAttemptDate()).execute();
    }

    // ---------------------------------------------------------------- attempts

    /** Locks the member's learning row: serializes one member's starts (the daily cap). */
    public void lockMember(long memberId) {
        db.selectFrom(LEARNING_MEMBER).where(LEARNING_MEMBER.MEMBER_ID.eq(memberId))
                .and(io.zhibu.shared.db.Citus.lockRegion(db, LEARNING_MEMBER, LEARNING_MEMBER.REGION_ORG_ID, LEARNING_MEMBER.MEMBER_ID.eq(memberId))).forUpdate().fetch();
    }

    public int attemptsOn(long memberId, LocalDate day) {
        return db.fetchCount(LEARNING_ATTEMPT, LEARNING_ATTEMPT.MEMBER_ID.eq(memberId).and(LEARNING_ATTEMPT.ATTEMPT_DATE.eq(day)));
    }

    /** A new start abandons the member's open attempt. */
    public void abandonOpen(long memberId, OffsetDateTime now) {
        db.update(LEARNING_ATTEMPT).set(LEARNING_ATTEMPT.STATUS, AttemptStatus.ABANDONED).set(LEARNING_ATTEMPT.FINISHED_AT, now)
                .where(LEARNING_ATTEMPT.MEMBER_ID.eq(memberId)).and(LEARNING_ATTEMPT.STATUS.eq(AttemptStatus.OPEN)).execute();
    }

    public LearningAttemptRecord newAttempt() {
        return db.newRecord(LEARNING_ATTEMPT);
    }

    /** The attempt's questions in order: seq 1..n, distinct ids (no repetition, unique index). */
    public void insertItems(long attemptId, List<Long> questionIds) {
        var insert = db.insertInto(LEARNING_ATTEMPT_ITEM, LEARNING_ATTEMPT_ITEM.ATTEMPT_ID, LEARNING_ATTEMPT_ITEM.SEQ,
                LEARNING_ATTEMPT_ITEM.QUESTION_ID);
        for (int i = 0; i < questionIds.size(); i++) {
            insert = insert.values(attemptId, i + 1, questionIds.get(i));
        }
        insert.execute();
    }

    /** The member's attempt, locked for the answer when {@code lock}. */
    public Optional<LearningAttemptRecord> attempt(long attemptId, long memberId, boolean lock) {
        var q = db.selectFrom(LEARNING_ATTEMPT).where(LEARNING_ATTEMPT.ID.eq(attemptId))
                .and(LEARNING_ATTEMPT.MEMBER_ID.eq(memberId));
        return lock ? q.forUpdate().fetchOptional() : q.fetchOptional();
    }

    public List<LearningAttemptItemRecord> items(long attemptId) {
        return db.selectFrom(LEARNING_ATTEMPT_ITEM).where(LEARNING_ATTEMPT_ITEM.ATTEMPT_ID.eq(attemptId))
                .orderBy(LEARNING_ATTEMPT_ITEM.SEQ).fetch();
    }

    /** The first unanswered item, or null when every question is answered. */
    public LearningAttemptItemRecord currentItem(long attemptId) {
        return db.selectFrom(LEARNING_ATTEMPT_ITEM).where(LEARNING_ATTEMPT_ITEM.ATTEMPT_ID.eq(attemptId))
                .and(LEARNING_ATTEMPT_ITEM.ANSWERED_AT.isNull()).orderBy(LEARNING_ATTEMPT_ITEM.SEQ).limit(1).fetchOne();
    }
}
