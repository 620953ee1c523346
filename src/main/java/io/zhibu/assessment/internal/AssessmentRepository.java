package io.zhibu.assessment.internal;

import static io.zhibu.db.Tables.ASSESSMENT_CAMPAIGN;
import static io.zhibu.db.Tables.ASSESSMENT_ENTRY;
import static io.zhibu.db.Tables.ASSESSMENT_EVIDENCE;
import static io.zhibu.db.Tables.ASSESSMENT_RESULT;
import static io.zhibu.db.Tables.ASSESSMENT_SYSTEM;
import static io.zhibu.db.Tables.ASSESSMENT_X_ITEM;

import io.zhibu.db.tables.records.AssessmentCampaignRecord;
import io.zhibu.db.tables.records.AssessmentEntryRecord;
import io.zhibu.db.tables.records.AssessmentEvidenceRecord;
import io.zhibu.db.tables.records.AssessmentResultRecord;
import io.zhibu.db.tables.records.AssessmentSystemRecord;
import io.zhibu.db.tables.records.AssessmentXItemRecord;
import io.zhibu.shared.OrgPath;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the assessment module: only the assessment_ tables. */
@Repository
public class AssessmentRepository {
    private final DSLContext db;

    public AssessmentRepository(DSLContext db) {
        this.db = db;
    }

    public DSLContext db() {
        return db;
    }

    public static Condition subtree(Field<String> path, String scopePath) {
        return scopePath == null || scopePath.isEmpty() ? DSL.noCondition()
                : path.ge(scopePath).and(path.lt(OrgPath.upperBound(scopePath)));
    }

    // --- systems

    public AssessmentSystemRecord insertSystem(AssessmentSystemRecord r) {
        AssessmentSystemRecord rec = db.newRecord(ASSESSMENT_SYSTEM, r);
        rec.store();
        return rec;
    }

    public Optional<AssessmentSystemRecord> system(long id) {
        return db.selectFrom(ASSESSMENT_SYSTEM).where(ASSESSMENT_SYSTEM.ID.eq(id)).fetchOptional();
    }

    public int lastVersion(String ownerPath, String code, int year, String domain) {
        Integer v = db.select(DSL.max(ASSESSMENT_SYSTEM.VERSION_NO)).from(ASSESSMENT_SYSTEM)
                .where(ASSESSMENT_SYSTEM.OWNER_PATH.eq(ownerPath), ASSESSMENT_SYSTEM.CODE.eq(code),
                        ASSESSMENT_SYSTEM.ASSESS_YEAR.eq(year), ASSESSMENT_SYSTEM.DOMAIN.eq(domain))
                .fetchOne(0, Integer.class);
        return v == null ? 0 : v;
    }

    /** Systems owned inside the scope or by one of the scope's ancestors (a county's systems serve its townships). */
    public List<AssessmentSystemRecord> systems(String scopePath, Collection<String> ancestorPaths, Integer year) {
        Condition visible = subtree(ASSESSMENT_SYSTEM.OWNER_PATH, scopePath)
                .or(ancestorPaths.isEmpty() ? DSL.falseCondition() : ASSESSMENT_SYSTEM.OWNER_PATH.in(ancestorPaths));
        return db.selectFrom(ASSESSMENT_SYSTEM).where(visible)
                .and(year == null ? DSL.noCondition() : ASSESSMENT_SYSTEM.ASSESS_YEAR.eq(year))
                .orderBy(ASSESSMENT_SYSTEM.ASSESS_YEAR.desc(), ASSESSMENT_SYSTEM.CODE, ASSESSMENT_SYSTEM.VERSION_NO.desc())
                .limit(500).fetch();
    }

    // --- campaigns

    public AssessmentCampaignRecord insertCampaign(AssessmentCampaignRecord r) {
        AssessmentCampaignRecord rec = db.newRecord(ASSESSMENT_CAMPAIGN, r);
        rec.store();
        return rec;
    }

    public Optional<AssessmentCampaignRecord> campaign(long id) {
        return db.selectFrom(ASSESSMENT_CAMPAIGN).where(ASSESSMENT_CAMPAIGN.ID.eq(id)).fetchOptional();
    }

    /** Campaigns over the scope's subtree, and campaigns of ancestors that cover the scope (a branch sees its own). */
    public List<AssessmentCampaignRecord> campaigns(String scopePath, Collection<String> ancestorPaths) {
        Condition visible = subtree(ASSESSMENT_CAMPAIGN.ORG_PATH, scopePath)
                .or(ancestorPaths.isEmpty() ? DSL.falseCondition() : ASSESSMENT_CAMPAIGN.ORG_PATH.in(ancestorPaths));
        return db.selectFrom(ASSESSMENT_CAMPAIGN).where(visible)
                .orderBy(ASSESSMENT_CAMPAIGN.ASSESS_YEAR.desc(), ASSESSMENT_CAMPAIGN.ID.desc()).limit(200).fetch();
    }

    public boolean bumpCampaign(long id, int version, String status) {
        return db.update(ASSESSMENT_CAMPAIGN).set(ASSESSMENT_CAMPAIGN.STATUS, status)
                .set(ASSESSMENT_CAMPAIGN.VERSION, version + 1)
                .set(ASSESSMENT_CAMPAIGN.PUBLISHED_AT, "PUBLISHED".equals(status) ? DSL.currentOffsetDateTime() : null)
                .where(ASSESSMENT_CAMPAIGN.ID.eq(id), ASSESSMENT_CAMPAIGN.VERSION.eq(version)).execute() == 1;
    }

    // --- results

    public List<AssessmentResultRecord> results(long campaignId, String scopePath) {
        return db.selectFrom(ASSESSMENT_RESULT).where(ASSESSMENT_RESULT.CAMPAIGN_ID.eq(campaignId))
                .and(subtree(ASSESSMENT_RESULT.ORG_PATH, scopePath))
                .orderBy(ASSESSMENT_RESULT.SCORE_RANK, ASSESSMENT_RESULT.ORG_ID).fetch();
    }

    /** Results without the JSON breakdown (rankings, stats and scoring of large campaigns). */
    public List<Record> resultLines(long campaignId, String scopePath) {
        return db.select(java.util.Arrays.stream(ASSESSMENT_RESULT.fields()).filter(f -> f != ASSESSMENT_RESULT.BREAKDOWN).toList())
                .from(ASSESSMENT_RESULT).where(ASSESSMENT_RESULT.CAMPAIGN_ID.eq(campaignId))
                .and(subtree(ASSESSMENT_RESULT.ORG_PATH, scopePath))
                .orderBy(ASSESSMENT_RESULT.SCORE_RANK, ASSESSMENT_RESULT.ORG_ID).fetch();
    }

    public Optional<AssessmentResultRecord> result(long campaignId, long orgId) {
        return db.selectFrom(ASSESSMENT_RESULT)
                .where(ASSESSMENT_RESULT.CAMPAIGN_ID.eq(campaignId), ASSESSMENT_RESULT.ORG_ID.eq(orgId)).fetchOptional();
    }

    // --- entries and evidence

    public void insertEntries(List<AssessmentEntryRecord> rows) {
        if (!rows.isEmpty()) {
            db.batchInsert(rows).execute();
        }
    }

    public List<AssessmentEntryRecord> entries(long campaignId, Long orgId) {
        return db.selectFrom(ASSESSMENT_ENTRY).where(ASSESSMENT_ENTRY.CAMPAIGN_ID.eq(campaignId))
                .and(orgId == null ? DSL.noCondition() : ASSESSMENT_ENTRY.ORG_ID.eq(orgId))
                .orderBy(ASSESSMENT_ENTRY.ID).fetch();
    }

    public AssessmentEvidenceRecord insertEvidence(AssessmentEvidenceRecord r) {
        AssessmentEvidenceRecord rec = db.newRecord(ASSESSMENT_EVIDENCE, r);
        rec.store();
        return rec;
    }

    public List<? extends Record> evidenceList(long campaignId, long orgId) {
        return db.select(ASSESSMENT_EVIDENCE.ID, ASSESSMENT_EVIDENCE.ITEM_CODE, ASSESSMENT_EVIDENCE.FILE_NAME,
                        ASSESSMENT_EVIDENCE.SIZE_BYTES, ASSESSMENT_EVIDENCE.CREATED_BY, ASSESSMENT_EVIDENCE.CREATED_AT)
                .from(ASSESSMENT_EVIDENCE)
                .where(ASSESSMENT_EVIDENCE.CAMPAIGN_ID.eq(campaignId), ASSESSMENT_EVIDENCE.ORG_ID.eq(orgId))
                .orderBy(ASSESSMENT_EVIDENCE.ID).fetch();
    }

    public Optional<AssessmentEvidenceRecord> evidence(long id) {
        return db.selectFrom(ASSESSMENT_EVIDENCE).where(ASSESSMENT_EVIDENCE.ID.eq(id)).fetchOptional();
    }

    /** Published results of a year over a subtree (the latest published campaign per branch wins). */
    public List<? extends Record> publishedOfYear(int year, String scopePath) {
        return db.select(ASSESSMENT_RESULT.ORG_ID, ASSESSMENT_RESULT.ORG_NAME, ASSESSMENT_RESULT.CAMPAIGN_ID,
                        ASSESSMENT_RESULT.TOTAL_SCORE, ASSESSMENT_RESULT.STARS, ASSESSMENT_RESULT.VETOES)
                .from(ASSESSMENT_RESULT).join(ASSESSMENT_CAMPAIGN).on(ASSESSMENT_CAMPAIGN.ID.eq(ASSESSMENT_RESULT.CAMPAIGN_ID))
                .where(ASSESSMENT_CAMPAIGN.ASSESS_YEAR.eq(year), ASSESSMENT_CAMPAIGN.STATUS.eq("PUBLISHED"))
                .and(subtree(ASSESSMENT_RESULT.ORG_PATH, scopePath))
                .orderBy(ASSESSMENT_RESULT.CAMPAIGN_ID).fetch();
    }

    /** {@link #publishedOfYear} with each result's organization path (the 结果运用 lists check scope by it). */
    public List<? extends Record> publishedOfYearWithPath(int year, String scopePath) {
        return db.select(ASSESSMENT_RESULT.ORG_ID, ASSESSMENT_RESULT.ORG_NAME, ASSESSMENT_RESULT.ORG_PATH,
                        ASSESSMENT_RESULT.CAMPAIGN_ID, ASSESSMENT_RESULT.TOTAL_SCORE, ASSESSMENT_RESULT.STARS,
                        ASSESSMENT_RESULT.VETOES)
                .from(ASSESSMENT_RESULT).join(ASSESSMENT_CAMPAIGN).on(ASSESSMENT_CAMPAIGN.ID.eq(ASSESSMENT_RESULT.CAMPAIGN_ID))
                .where(ASSESSMENT_CAMPAIGN.ASSESS_YEAR.eq(year), ASSESSMENT_CAMPAIGN.STATUS.eq("PUBLISHED"))
                .and(subtree(ASSESSMENT_RESULT.ORG_PATH, scopePath))
                .orderBy(ASSESSMENT_RESULT.CAMPAIGN_ID).fetch();
    }

    // --- 6+X items of branches

    /** Approved X items of a campaign (of one branch when {@code orgId} is given), by branch, in id order. */
    public java.util.Map<Long, List<io.zhibu.assessment.XItems.XItem>> approvedXItems(long campaignId, Long orgId) {
        java.util.Map<Long, List<io.zhibu.assessment.XItems.XItem>> out = new java.util.HashMap<>();
        db.selectFrom(ASSESSMENT_X_ITEM).where(ASSESSMENT_X_ITEM.CAMPAIGN_ID.eq(campaignId),
                        ASSESSMENT_X_ITEM.STATUS.eq(io.zhibu.assessment.XItemStatus.APPROVED),
                        orgId == null ? DSL.noCondition() : ASSESSMENT_X_ITEM.ORG_ID.eq(orgId))
                .orderBy(ASSESSMENT_X_ITEM.ID).fetch()
                .forEach(r -> out.computeIfAbsent(r.getOrgId(), k -> new java.util.ArrayList<>()).add(
                        new io.zhibu.assessment.XItems.XItem(r.getId(), r.getName(), r.getContent(), r.getPoints(),
                                r.getEvidenceRequired())));
        return out;
    }

    public List<AssessmentXItemRecord> xItems(long campaignId, String scopePath, Long orgId) {
        return db.selectFrom(ASSESSMENT_X_ITEM).where(ASSESSMENT_X_ITEM.CAMPAIGN_ID.eq(campaignId),
                        subtree(ASSESSMENT_X_ITEM.ORG_PATH, scopePath),
                        orgId == null ? DSL.noCondition() : ASSESSMENT_X_ITEM.ORG_ID.eq(orgId))
                .orderBy(ASSESSMENT_X_ITEM.ORG_PATH, ASSESSMENT_X_ITEM.ID).fetch();
    }

    public Optional<AssessmentXItemRecord> xItem(long id) {
        return db.selectFrom(ASSESSMENT_X_ITEM).where(ASSESSMENT_X_ITEM.ID.eq(id)).fetchOptional();
    }

    public AssessmentXItemRecord insertXItem(AssessmentXItemRecord r) {
        AssessmentXItemRecord rec = db.newRecord(ASSESSMENT_X_ITEM, r);
        rec.store();
        return rec;
    }

    /** Decides a PROPOSED item (optimistic on its version); false when someone decided it first. */
    public boolean decideXItem(long id, int version, io.zhibu.assessment.XItemStatus status, String by, java.time.OffsetDateTime at, String note) {
        return db.update(ASSESSMENT_X_ITEM).set(ASSESSMENT_X_ITEM.STATUS, status).set(ASSESSMENT_X_ITEM.DECIDED_BY, by)
                .set(ASSESSMENT_X_ITEM.DECIDED_AT, at).set(ASSESSMENT_X_ITEM.DECISION_NOTE, note)
                .set(ASSESSMENT_X_ITEM.VERSION, version + 1)
                .where(ASSESSMENT_X_ITEM.ID.eq(id), ASSESSMENT_X_ITEM.VERSION.eq(version),
                        ASSESSMENT_X_ITEM.STATUS.eq(io.zhibu.assessment.XItemStatus.PROPOSED)).execute() == 1;
    }
}
