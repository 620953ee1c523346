package io.zhibu.learning.internal;

import static io.zhibu.db.Tables.LEARNING_ATTEMPT;
import static io.zhibu.db.Tables.LEARNING_BANK;
import static io.zhibu.db.Tables.LEARNING_COMPLETION;
import static io.zhibu.db.Tables.LEARNING_HOURS;
import static io.zhibu.db.Tables.LEARNING_MATERIAL;
import static io.zhibu.db.Tables.LEARNING_MEMBER;
import static io.zhibu.db.Tables.LEARNING_PAPER;
import static io.zhibu.db.Tables.LEARNING_PAPER_ENTRY;

import io.zhibu.db.tables.records.LearningMemberRecord;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberEvents.MemberFacts;
import io.zhibu.shared.OrgPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the learning module: only the learning_ tables. Subtree = a range on org_path. */
@Repository
public class LearningRepository {
    private final DSLContext db;

    public LearningRepository(DSLContext db) {
        this.db = db;
    }

    public DSLContext db() {
        return db;
    }

    public static Condition subtree(TableField<?, String> path, String scopePath) {
        return scopePath == null || scopePath.isEmpty() ? DSL.noCondition()
                : path.ge(scopePath).and(path.lt(OrgPath.upperBound(scopePath)));
    }

    /** The path itself and every ancestor path (an org's own path and those of its superiors), root first. */
    public static List<String> prefixes(String path) {
        List<String> out = new ArrayList<>();
        for (int i = OrgPath.SEGMENT; i <= path.length(); i += OrgPath.SEGMENT) {
            out.add(path.substring(0, i));
        }
        return out;
    }

    /**
     * What a scope may read of things published by an org: published inside the scope's subtree, or by one of the
     * scope root's superiors for everyone below them (the county's study list reaches every branch).
     */
    public static Condition readable(TableField<?, String> path, String scopePath) {
        if (scopePath.isEmpty()) {
            return DSL.noCondition();
        }
        return subtree(path, scopePath).or(path.in(prefixes(scopePath)));
    }

    // ---------------------------------------------------------------- roster projection

    public void insertMembers(List<MemberFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        // one COPY / JDBC batch: a roster import registers members by the thousand
        io.zhibu.shared.db.BulkInsert.rows(db, LEARNING_MEMBER, List.of(LEARNING_MEMBER.MEMBER_ID,
                LEARNING_MEMBER.REGION_ORG_ID, LEARNING_MEMBER.ORG_ID, LEARNING_MEMBER.ORG_PATH,
                LEARNING_MEMBER.PROBATIONARY, LEARNING_MEMBER.STANDING, LEARNING_MEMBER.UPDATED_AT),
                facts.stream().map(f -> new Object[] {f.memberId(), f.regionOrgId(), f.orgId(), f.orgPath(),
                        f.category() == MemberCategory.PROBATIONARY, f.standing().name(), now}).toList());
    }

    public void updateMember(MemberFacts f) {
        int n = db.update(LEARNING_MEMBER).set(LEARNING_MEMBER.REGION_ORG_ID, f.regionOrgId())
                .set(LEARNING_MEMBER.ORG_ID, f.orgId()).set(LEARNING_MEMBER.ORG_PATH, f.orgPath())
                .set(LEARNING_MEMBER.PROBATIONARY, f.category() == MemberCategory.PROBATIONARY)
                .set(LEARNING_MEMBER.STANDING, f.standing().name()).set(LEARNING_MEMBER.UPDATED_AT, now())
                .where(LEARNING_MEMBER.MEMBER_ID.eq(f.memberId())).execute();
        if (n == 0) {
            insertMembers(List.of(f));
        }
    }

    public void moveMembers(Collection<Long> memberIds, long orgId, String orgPath, long regionOrgId) {
        db.update(LEARNING_MEMBER).set(LEARNING_MEMBER.ORG_ID, orgId).set(LEARNING_MEMBER.ORG_PATH, orgPath)
                .set(LEARNING_MEMBER.REGION_ORG_ID, regionOrgId).set(LEARNING_MEMBER.UPDATED_AT, now())
                .where(LEARNING_MEMBER.MEMBER_ID.in(memberIds)).execute();
    }

    public void mergeOrg(long sourceOrgId, long targetOrgId, String targetPath, long regionOrgId) {
        db.update(LEARNING_MEMBER).set(LEARNING_MEMBER.ORG_ID, targetOrgId).set(LEARNING_MEMBER.ORG_PATH, targetPath)
                .set(LEARNING_MEMBER.REGION_ORG_ID, regionOrgId).set(LEARNING_MEMBER.UPDATED_AT, now())
                .where(LEARNING_MEMBER.ORG_ID.eq(sourceOrgId)).execute();
    }

    /** A moved subtree: every learning row under the old path follows. */
    public void rePath(String oldPath, String newPath, long regionOrgId) {
        rePath(LEARNING_MEMBER.ORG_PATH, LEARNING_MEMBER.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(LEARNING_MATERIAL.ORG_PATH, LEARNING_MATERIAL.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(LEARNING_COMPLETION.ORG_PATH, LEARNING_COMPLETION.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(LEARNING_HOURS.ORG_PATH, LEARNING_HOURS.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(LEARNING_BANK.ORG_PATH, LEARNING_BANK.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(LEARNING_ATTEMPT.ORG_PATH, LEARNING_ATTEMPT.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(LEARNING_PAPER.ORG_PATH, LEARNING_PAPER.REGION_ORG_ID, oldPath, newPath, regionOrgId);
        rePath(LEARNING_PAPER_ENTRY.ORG_PATH, LEARNING_PAPER_ENTRY.REGION_ORG_ID, oldPath, newPath, regionOrgId);
    }

    private void rePath(TableField<?, String> path, TableField<?, Long> region, String oldPath, String newPath,
                        long regionOrgId) {
        Field<String> moved = DSL.concat(DSL.val(newPath), DSL.substring(path, oldPath.length() + 1));
        db.update(path.getTable()).set(path, moved).set(region, regionOrgId).where(subtree(path, oldPath)).execute();
    }

    public Optional<LearningMemberRecord> member(long memberId) {
        return db.selectFrom(LEARNING_MEMBER).where(LEARNING_MEMBER.MEMBER_ID.eq(memberId)).fetchOptional();
    }

    public List<LearningMemberRecord> membersOfOrg(long orgId, int limit) {
        return db.selectFrom(LEARNING_MEMBER).where(LEARNING_MEMBER.ORG_ID.eq(orgId))
                .and(LEARNING_MEMBER.STANDING.eq("NORMAL")).orderBy(LEARNING_MEMBER.MEMBER_ID).limit(limit).fetch();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
