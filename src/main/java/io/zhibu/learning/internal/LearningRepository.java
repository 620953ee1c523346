package io.zhibu.learning.internal;

import static io.zhibu.db.Tables.LEARNING_ATTEMPT;
import static io.zhibu.db.Tables.LEARNING_BANK;
import static io.zhibu.db.Tables.LEARNING_COMPLETION;
import static io.zhibu.db.Tables.LEARNING_HOURS;
import static io.zhibu.db.Tables.LEARNING_MATERIAL;
import static io.zhibu.db.Tables.LEARNING_MEMBER;
import static io.zhibu.db.Tables.LEARNING_PAPER;
import static io.zhibu.db.Tables.LEARNING_PAPER_ENTRY;
import static io.zhibu.shared.db.OrgPathSql.subtree;

import io.zhibu.db.tables.records.LearningHoursRecord;
import io.zhibu.db.tables.records.LearningMemberRecord;
import io.zhibu.learning.LearningRecords.CompletedStudy;
import io.zhibu.learning.LearningRecords.HoursSource;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberEvents.MemberFacts;
import io.zhibu.member.MemberStanding;
import io.zhibu.member.RosterProjection;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.db.OrgPathSql;
import io.zhibu.shared.db.RosterCopy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the learning module: only the learning_ tables. Subtree = a range on org_path. */
@Repository
public class LearningRepository implements RosterProjection {
    /** learning_member as a copy of the roster (moves and merges follow the member module). */
    private static final RosterCopy MEMBERS = new RosterCopy(LEARNING_MEMBER.MEMBER_ID, LEARNING_MEMBER.REGION_ORG_ID,
            LEARNING_MEMBER.ORG_ID, LEARNING_MEMBER.ORG_PATH, LEARNING_MEMBER.UPDATED_AT);
    private final DSLContext db;

    public LearningRepository(DSLContext db) {
        this.db = db;
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

    @Override
    public void insert(List<MemberFacts> facts) {
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

    @Override
    public void update(MemberFacts f) {
        int n = db.update(LEARNING_MEMBER).set(LEARNING_MEMBER.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(LEARNING_MEMBER.REGION_ORG_ID, f.regionOrgId()))
                .set(LEARNING_MEMBER.ORG_ID, f.orgId()).set(LEARNING_MEMBER.ORG_PATH, f.orgPath())
                .set(LEARNING_MEMBER.PROBATIONARY, f.category() == MemberCategory.PROBATIONARY)
                .set(LEARNING_MEMBER.STANDING, f.standing()).set(LEARNING_MEMBER.UPDATED_AT, now())
                .where(LEARNING_MEMBER.MEMBER_ID.eq(f.memberId())).execute();
        if (n == 0) {
            insert(List.of(f));
        }
    }

    @Override
    public void move(List<Long> memberIds, long orgId, String orgPath, long regionOrgId) {
        MEMBERS.move(db, memberIds, orgId, orgPath, regionOrgId);
    }

    @Override
    public void merge(long sourceOrgId, long targetOrgId, String targetPath, long regionOrgId) {
        MEMBERS.merge(db, sourceOrgId, targetOrgId, targetPath, regionOrgId);
    }

    /** A moved subtree: every learning row under the old path follows. */
    @Override
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
        OrgPathSql.rePath(db, path, region, oldPath, newPath, regionOrgId);
    }

    public Optional<LearningMemberRecord> member(long memberId) {
        return db.selectFrom(LEARNING_MEMBER).where(LEARNING_MEMBER.MEMBER_ID.eq(memberId)).fetchOptional();
    }

    public List<LearningMemberRecord> membersOfOrg(long orgId, int limit) {
        return db.selectFrom(LEARNING_MEMBER).where(LEARNING_MEMBER.ORG_ID.eq(orgId))
                .and(LEARNING_MEMBER.STANDING.eq(MemberStanding.NORMAL)).orderBy(LEARNING_MEMBER.MEMBER_ID).limit(limit).fetch();
    }

    public void setCadre(long memberId, boolean cadre) {
        db.update(LEARNING_MEMBER).set(LEARNING_MEMBER.CADRE, cadre).where(LEARNING_MEMBER.MEMBER_ID.eq(memberId)).execute();
    }

    // ---------------------------------------------------------------- study hours (学时)

    /** The completions of a year in id order after {@code afterId} (system use: the points benchmark replays them). */
    public List<CompletedStudy> completions(int year, long afterId, int limit) {
        var c = LEARNING_COMPLETION;
        return db.select(c.ID, c.MEMBER_ID, c.MATERIAL_ID, c.MINUTES, c.STUDY_DATE).from(c)
                .where(c.ID.gt(afterId)).and(c.STUDY_DATE.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .orderBy(c.ID).limit(limit)
                .fetch(r -> new CompletedStudy(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** One member's ledger lines of the year, newest first. */
    public List<LearningHoursRecord> hours(long memberId, int year, int limit) {
        return db.selectFrom(LEARNING_HOURS).where(LEARNING_HOURS.MEMBER_ID.eq(memberId))
                .and(LEARNING_HOURS.STUDY_YEAR.eq(year))
                .orderBy(LEARNING_HOURS.ON_DATE.desc(), LEARNING_HOURS.ID.desc()).limit(limit).fetch();
    }

    /** Whether one of the members already has a line of this source and reference (the same course entered twice). */
    public boolean hoursRecorded(Collection<Long> memberIds, HoursSource source, String ref) {
        return db.fetchExists(LEARNING_HOURS, LEARNING_HOURS.MEMBER_ID.in(memberIds)
                .and(LEARNING_HOURS.SOURCE.eq(source)).and(LEARNING_HOURS.SOURCE_REF.eq(ref)));
    }

    public LearningHoursRecord newHours() {
        return db.newRecord(LEARNING_HOURS);
    }

    /** A sum of a member's hours from one source. */
    public interface HoursSum {
        void accept(long memberId, HoursSource source, BigDecimal hours);
    }

    /** The ledger summed per member and source for the year (one grouped query). */
    public void hoursBySource(int year, Collection<Long> memberIds, HoursSum sink) {
        db.select(LEARNING_HOURS.MEMBER_ID, LEARNING_HOURS.SOURCE, DSL.sum(LEARNING_HOURS.HOURS))
                .from(LEARNING_HOURS).where(LEARNING_HOURS.MEMBER_ID.in(memberIds)).and(LEARNING_HOURS.STUDY_YEAR.eq(year))
                .groupBy(LEARNING_HOURS.MEMBER_ID, LEARNING_HOURS.SOURCE).fetch()
                .forEach(r -> sink.accept(r.value1(), r.value2(), r.value3()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
