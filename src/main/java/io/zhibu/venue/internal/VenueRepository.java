package io.zhibu.venue.internal;

import static io.zhibu.db.Tables.VENUE_INSPECTION;
import static io.zhibu.db.Tables.VENUE_VENUE;

import io.zhibu.db.tables.records.VenueInspectionRecord;
import io.zhibu.db.tables.records.VenueVenueRecord;
import io.zhibu.shared.OrgPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The venue tables (jOOQ lives here only). */
@Repository
public class VenueRepository {
    private final DSLContext db;

    public VenueRepository(DSLContext db) {
        this.db = db;
    }

    private static org.jooq.Condition subtree(String path) {
        return VENUE_VENUE.ORG_PATH.ge(path).and(VENUE_VENUE.ORG_PATH.lt(OrgPath.upperBound(path)));
    }

    public List<VenueVenueRecord> under(String path, int limit) {
        return db.selectFrom(VENUE_VENUE).where(subtree(path)).orderBy(VENUE_VENUE.ORG_PATH, VENUE_VENUE.ID).limit(limit).fetch();
    }

    public List<VenueVenueRecord> ofOrg(long orgId) {
        return db.selectFrom(VENUE_VENUE).where(VENUE_VENUE.ORG_ID.eq(orgId)).orderBy(VENUE_VENUE.ID).fetch();
    }

    public Optional<VenueVenueRecord> find(long id) {
        return db.selectFrom(VENUE_VENUE).where(VENUE_VENUE.ID.eq(id)).fetchOptional();
    }

    public VenueVenueRecord newVenue() {
        return db.newRecord(VENUE_VENUE);
    }

    /** Optimistic update: false when the version moved on. */
    public boolean update(VenueVenueRecord r, int expectedVersion) {
        return db.update(VENUE_VENUE).set(VENUE_VENUE.NAME, r.getName()).set(VENUE_VENUE.KIND, r.getKind())
                .set(VENUE_VENUE.ADDRESS, r.getAddress()).set(VENUE_VENUE.AREA_SQM, r.getAreaSqm())
                .set(VENUE_VENUE.ROOMS, r.getRooms()).set(VENUE_VENUE.OPENING_HOURS, r.getOpeningHours())
                .set(VENUE_VENUE.UPDATED_AT, r.getUpdatedAt()).set(VENUE_VENUE.VERSION, expectedVersion + 1)
                .where(VENUE_VENUE.ID.eq(r.getId())).and(VENUE_VENUE.VERSION.eq(expectedVersion)).execute() == 1;
    }

    public VenueInspectionRecord newInspection() {
        return db.newRecord(VENUE_INSPECTION);
    }

    public List<VenueInspectionRecord> inspections(long venueId) {
        return db.selectFrom(VENUE_INSPECTION).where(VENUE_INSPECTION.VENUE_ID.eq(venueId))
                .orderBy(VENUE_INSPECTION.INSPECTED_ON.desc(), VENUE_INSPECTION.ID.desc()).fetch();
    }

    /** Re-derives the venue's tier from its latest inspection (by date, then id). */
    public void refreshLatest(long venueId) {
        var latest = db.selectFrom(VENUE_INSPECTION).where(VENUE_INSPECTION.VENUE_ID.eq(venueId))
                .orderBy(VENUE_INSPECTION.INSPECTED_ON.desc(), VENUE_INSPECTION.ID.desc()).limit(1).fetchOptional();
        db.update(VENUE_VENUE).set(VENUE_VENUE.LATEST_TIER, latest.map(VenueInspectionRecord::getTier).orElse(null))
                .set(VENUE_VENUE.LATEST_INSPECTED_ON, latest.map(VenueInspectionRecord::getInspectedOn).orElse(null))
                .where(VENUE_VENUE.ID.eq(venueId)).execute();
    }

    /** One venue line per owner organization of a subtree: owner, tier, inspected on (set-based, for facts). */
    public record TierLine(long orgId, String tier, LocalDate inspectedOn, String name) {
    }

    public List<TierLine> tiersUnder(String path) {
        return db.select(VENUE_VENUE.ORG_ID, VENUE_VENUE.LATEST_TIER, VENUE_VENUE.LATEST_INSPECTED_ON, VENUE_VENUE.NAME)
                .from(VENUE_VENUE).where(subtree(path))
                .fetch(r -> new TierLine(r.value1(), r.value2() == null ? null : r.value2().name(), r.value3(), r.value4()));
    }

    /** Venue counts of a subtree by latest tier (null key: never inspected). */
    public Map<String, Long> countsByTier(String path) {
        Map<String, Long> out = new HashMap<>();
        for (var r : db.select(VENUE_VENUE.LATEST_TIER, DSL.count()).from(VENUE_VENUE).where(subtree(path))
                .groupBy(VENUE_VENUE.LATEST_TIER).fetch()) {
            out.put(r.value1() == null ? null : r.value1().name(), r.value2().longValue());
        }
        return out;
    }

    /** A venue as the warning engine sees it. */
    public record VenueLine(long id, long orgId, String orgPath, String name, LocalDate inspectedOn) {
    }

    /** Venues whose latest inspection gave {@code tier}. */
    public List<VenueLine> withTier(io.zhibu.venue.VenueTier tier) {
        return db.select(VENUE_VENUE.ID, VENUE_VENUE.ORG_ID, VENUE_VENUE.ORG_PATH, VENUE_VENUE.NAME, VENUE_VENUE.LATEST_INSPECTED_ON)
                .from(VENUE_VENUE).where(VENUE_VENUE.LATEST_TIER.eq(tier))
                .fetch(r -> new VenueLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public void insertPhoto(io.zhibu.db.tables.records.VenuePhotoRecord r) {
        r.attach(db.configuration());
        r.store();
    }

    public List<io.zhibu.db.tables.records.VenuePhotoRecord> photos(long venueId) {
        return db.selectFrom(io.zhibu.db.Tables.VENUE_PHOTO).where(io.zhibu.db.Tables.VENUE_PHOTO.VENUE_ID.eq(venueId))
                .orderBy(io.zhibu.db.Tables.VENUE_PHOTO.ID).fetch();
    }

    public Optional<io.zhibu.db.tables.records.VenuePhotoRecord> photo(long venueId, long photoId) {
        return db.selectFrom(io.zhibu.db.Tables.VENUE_PHOTO).where(io.zhibu.db.Tables.VENUE_PHOTO.ID.eq(photoId))
                .and(io.zhibu.db.Tables.VENUE_PHOTO.VENUE_ID.eq(venueId)).fetchOptional();
    }

    public boolean inspectionOf(long venueId, long inspectionId) {
        return db.fetchExists(io.zhibu.db.Tables.VENUE_INSPECTION, io.zhibu.db.Tables.VENUE_INSPECTION.ID.eq(inspectionId)
                .and(io.zhibu.db.Tables.VENUE_INSPECTION.VENUE_ID.eq(venueId)));
    }
}
