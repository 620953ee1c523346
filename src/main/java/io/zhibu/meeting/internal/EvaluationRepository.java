package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_EVALUATION;
import static io.zhibu.db.Tables.MEETING_EVALUATION_ENTRY;
import static io.zhibu.db.Tables.MEETING_EVALUATION_PEER;
import static io.zhibu.db.Tables.MEETING_EVALUATION_VOTER;

import io.zhibu.db.tables.records.MeetingEvaluationEntryRecord;
import io.zhibu.db.tables.records.MeetingEvaluationPeerRecord;
import io.zhibu.db.tables.records.MeetingEvaluationRecord;
import io.zhibu.shared.OrgPath;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of democratic evaluation rounds (民主评议党员). */
@Repository
public class EvaluationRepository {
    private final DSLContext db;

    public EvaluationRepository(DSLContext db) {
        this.db = db;
    }

    public MeetingEvaluationRecord newRound() {
        return db.newRecord(MEETING_EVALUATION);
    }

    public MeetingEvaluationEntryRecord newEntry() {
        return db.newRecord(MEETING_EVALUATION_ENTRY);
    }

    public Optional<MeetingEvaluationRecord> find(long id) {
        return db.selectFrom(MEETING_EVALUATION).where(MEETING_EVALUATION.ID.eq(id)).fetchOptional();
    }

    public Optional<MeetingEvaluationRecord> findForUpdate(long id) {
        return db.selectFrom(MEETING_EVALUATION).where(MEETING_EVALUATION.ID.eq(id)).forUpdate().fetchOptional();
    }

    public boolean exists(long orgId, int year) {
        return db.fetchExists(MEETING_EVALUATION, MEETING_EVALUATION.ORG_ID.eq(orgId).and(MEETING_EVALUATION.EVAL_YEAR.eq(year)));
    }

    /** Rounds in the subtree {@code path} (and, for a member, only theirs), newest first, {@code limit} from {@code offset}. */
    public List<MeetingEvaluationRecord> list(String path, Long memberId, int offset, int limit) {
        return db.selectFrom(MEETING_EVALUATION).where(listed(path, memberId))
                .orderBy(MEETING_EVALUATION.EVAL_YEAR.desc(), MEETING_EVALUATION.ID.desc()).offset(offset).limit(limit).fetch();
    }

    public int count(String path, Long memberId) {
        return db.fetchCount(MEETING_EVALUATION, listed(path, memberId));
    }

    private static org.jooq.Condition listed(String path, Long memberId) {
        var c = path.isEmpty() ? DSL.noCondition()
                : MEETING_EVALUATION.ORG_PATH.ge(path).and(MEETING_EVALUATION.ORG_PATH.lt(OrgPath.upperBound(path)));
        if (memberId != null) {
            c = c.and(MEETING_EVALUATION.ID.in(DSL.select(MEETING_EVALUATION_ENTRY.EVALUATION_ID).from(MEETING_EVALUATION_ENTRY)
                    .where(MEETING_EVALUATION_ENTRY.MEMBER_ID.eq(memberId))));
        }
        return c;
    }

    /** Members per round, for a page of rounds in one query. */
    public java.util.Map<Long, Integer> entryCounts(java.util.Collection<Long> evaluationIds) {
        return db.select(MEETING_EVALUATION_ENTRY.EVALUATION_ID, DSL.count()).from(MEETING_EVALUATION_ENTRY)
                .where(MEETING_EVALUATION_ENTRY.EVALUATION_ID.in(evaluationIds)).groupBy(MEETING_EVALUATION_ENTRY.EVALUATION_ID)
                .fetchMap(MEETING_EVALUATION_ENTRY.EVALUATION_ID, DSL.count());
    }

    public List<MeetingEvaluationEntryRecord> entries(long evaluationId) {
        return db.selectFrom(MEETING_EVALUATION_ENTRY).where(MEETING_EVALUATION_ENTRY.EVALUATION_ID.eq(evaluationId))
                .orderBy(MEETING_EVALUATION_ENTRY.ID).fetch();
    }

    public Optional<MeetingEvaluationEntryRecord> entry(long evaluationId, long memberId) {
        return db.selectFrom(MEETING_EVALUATION_ENTRY).where(MEETING_EVALUATION_ENTRY.EVALUATION_ID.eq(evaluationId))
                .and(MEETING_EVALUATION_ENTRY.MEMBER_ID.eq(memberId)).fetchOptional();
    }

    public List<MeetingEvaluationPeerRecord> peers(long evaluationId) {
        return db.selectFrom(MEETING_EVALUATION_PEER).where(MEETING_EVALUATION_PEER.EVALUATION_ID.eq(evaluationId))
                .orderBy(MEETING_EVALUATION_PEER.ID).fetch();
    }

    public boolean peerExists(long evaluationId, long from, long to) {
        return db.fetchExists(MEETING_EVALUATION_PEER, MEETING_EVALUATION_PEER.EVALUATION_ID.eq(evaluationId)
                .and(MEETING_EVALUATION_PEER.FROM_MEMBER_ID.eq(from)).and(MEETING_EVALUATION_PEER.TO_MEMBER_ID.eq(to)));
    }

    public void insertPeer(long region, long evaluationId, long from, long to, String text) {
        db.insertInto(MEETING_EVALUATION_PEER).set(MEETING_EVALUATION_PEER.REGION_ORG_ID, region)
                .set(MEETING_EVALUATION_PEER.EVALUATION_ID, evaluationId).set(MEETING_EVALUATION_PEER.FROM_MEMBER_ID, from)
                .set(MEETING_EVALUATION_PEER.TO_MEMBER_ID, to).set(MEETING_EVALUATION_PEER.TEXT, text).execute();
        db.update(MEETING_EVALUATION_ENTRY).set(MEETING_EVALUATION_ENTRY.PEER_COUNT, MEETING_EVALUATION_ENTRY.PEER_COUNT.plus(1))
                .where(MEETING_EVALUATION_ENTRY.EVALUATION_ID.eq(evaluationId)).and(MEETING_EVALUATION_ENTRY.MEMBER_ID.eq(to)).execute();
    }

    public boolean voted(long evaluationId, long memberId) {
        return db.fetchExists(MEETING_EVALUATION_VOTER, MEETING_EVALUATION_VOTER.EVALUATION_ID.eq(evaluationId)
                .and(MEETING_EVALUATION_VOTER.MEMBER_ID.eq(memberId)));
    }

    public int voters(long evaluationId) {
        return db.fetchCount(MEETING_EVALUATION_VOTER, MEETING_EVALUATION_VOTER.EVALUATION_ID.eq(evaluationId));
    }

    public void insertVoter(long region, long evaluationId, long memberId) {
        db.insertInto(MEETING_EVALUATION_VOTER).set(MEETING_EVALUATION_VOTER.REGION_ORG_ID, region)
                .set(MEETING_EVALUATION_VOTER.EVALUATION_ID, evaluationId).set(MEETING_EVALUATION_VOTER.MEMBER_ID, memberId)
                .execute();
    }

    /** Adds one anonymous grade to a member's counts (no link to the voter is stored). */
    public void addAnonymous(long evaluationId, long memberId, String grade) {
        Field<Integer> f = switch (grade) {
            case "EXCELLENT" -> MEETING_EVALUATION_ENTRY.ANON_EXCELLENT;
            case "QUALIFIED" -> MEETING_EVALUATION_ENTRY.ANON_QUALIFIED;
            case "BASIC" -> MEETING_EVALUATION_ENTRY.ANON_BASIC;
            default -> MEETING_EVALUATION_ENTRY.ANON_UNQUALIFIED;
        };
        db.update(MEETING_EVALUATION_ENTRY).set(f, f.plus(1)).where(MEETING_EVALUATION_ENTRY.EVALUATION_ID.eq(evaluationId))
                .and(MEETING_EVALUATION_ENTRY.MEMBER_ID.eq(memberId)).execute();
    }
}
