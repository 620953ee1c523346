package io.zhibu.learning.internal;

import static io.zhibu.db.Tables.LEARNING_PAPER;
import static io.zhibu.db.Tables.LEARNING_PAPER_ENTRY;

import io.zhibu.db.tables.records.LearningPaperEntryRecord;
import io.zhibu.db.tables.records.LearningPaperRecord;
import io.zhibu.shared.db.OrgPathSql;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** SQL of the test papers and contests (测试与竞赛): papers and the members' entries. */
@Repository
public class PaperRepository {
    private final DSLContext db;

    public PaperRepository(DSLContext db) {
        this.db = db;
    }

    public LearningPaperRecord newPaper() {
        return db.newRecord(LEARNING_PAPER);
    }

    public Optional<LearningPaperRecord> paper(long paperId) {
        return db.selectFrom(LEARNING_PAPER).where(LEARNING_PAPER.ID.eq(paperId)).fetchOptional();
    }

    /** The papers a scope may read (its subtree and its superiors'), latest opening first. */
    public List<LearningPaperRecord> papers(String scopePath, int limit) {
        return db.selectFrom(LEARNING_PAPER).where(LearningRepository.readable(LEARNING_PAPER.ORG_PATH, scopePath))
                .orderBy(LEARNING_PAPER.OPENS_AT.desc()).limit(limit).fetch();
    }

    /** A member's scores by paper (submitted entries only). */
    public Map<Long, BigDecimal> scores(long memberId) {
        return db.select(LEARNING_PAPER_ENTRY.PAPER_ID, LEARNING_PAPER_ENTRY.SCORE).from(LEARNING_PAPER_ENTRY)
                .where(LEARNING_PAPER_ENTRY.MEMBER_ID.eq(memberId)).and(LEARNING_PAPER_ENTRY.SCORE.isNotNull())
                .fetchMap(LEARNING_PAPER_ENTRY.PAPER_ID, LEARNING_PAPER_ENTRY.SCORE);
    }

    public LearningPaperEntryRecord newEntry() {
        return db.newRecord(LEARNING_PAPER_ENTRY);
    }

    /** The member's entry of the paper, locked for the submission when {@code lock}; null when not started. */
    public LearningPaperEntryRecord entry(long paperId, long memberId, boolean lock) {
        var q = db.selectFrom(LEARNING_PAPER_ENTRY).where(LEARNING_PAPER_ENTRY.PAPER_ID.eq(paperId))
                .and(LEARNING_PAPER_ENTRY.MEMBER_ID.eq(memberId));
        return lock ? q.forUpdate().fetchOne() : q.fetchOne();
    }

    /** Submitted entries of the paper within a subtree: score, then time used, then member id. */
    public List<LearningPaperEntryRecord> ranking(long paperId, String subtreePath, int limit) {
        return db.selectFrom(LEARNING_PAPER_ENTRY).where(LEARNING_PAPER_ENTRY.PAPER_ID.eq(paperId))
                .and(OrgPathSql.subtree(LEARNING_PAPER_ENTRY.ORG_PATH, subtreePath))
                .and(LEARNING_PAPER_ENTRY.SCORE.isNotNull())
                .orderBy(LEARNING_PAPER_ENTRY.SCORE.desc(), LEARNING_PAPER_ENTRY.SECONDS_USED, LEARNING_PAPER_ENTRY.MEMBER_ID)
                .limit(limit).fetch();
    }
}
