package io.zhibu.points.internal;

import static io.zhibu.db.Tables.POINTS_ACTIVITY;
import static io.zhibu.db.Tables.POINTS_ACTIVITY_LIKE;
import static io.zhibu.db.Tables.POINTS_ACTIVITY_PHOTO;

import io.zhibu.db.tables.records.PointsActivityPhotoRecord;
import io.zhibu.db.tables.records.PointsActivityRecord;
import io.zhibu.shared.db.OrgPathSql;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** SQL of the branch activity feed (points_activity*). */
@Repository
public class ActivityRepository {
    private final DSLContext db;

    public ActivityRepository(DSLContext db) {
        this.db = db;
    }

    public PointsActivityRecord insert(PointsActivityRecord a) {
        a.attach(db.configuration());
        a.store();
        return a;
    }

    public void insertPhoto(PointsActivityPhotoRecord p) {
        p.attach(db.configuration());
        p.store();
    }

    /** Many photos in one batch (the lived year's feed). */
    public void insertPhotos(List<PointsActivityPhotoRecord> photos) {
        if (!photos.isEmpty()) {
            db.batchInsert(photos).execute();
        }
    }

    public Optional<PointsActivityRecord> find(long id) {
        return db.selectFrom(POINTS_ACTIVITY).where(POINTS_ACTIVITY.ID.eq(id)).fetchOptional();
    }

    public Optional<PointsActivityRecord> byToken(String token) {
        return db.selectFrom(POINTS_ACTIVITY).where(POINTS_ACTIVITY.SHARE_TOKEN.eq(token)).fetchOptional();
    }

    public List<PointsActivityRecord> page(String path, int offset, int limit) {
        return db.selectFrom(POINTS_ACTIVITY).where(OrgPathSql.subtree(POINTS_ACTIVITY.ORG_PATH, path))
                .orderBy(POINTS_ACTIVITY.CREATED_AT.desc(), POINTS_ACTIVITY.ID.desc()).limit(limit).offset(offset).fetch();
    }

    public int count(String path) {
        return db.fetchCount(POINTS_ACTIVITY, OrgPathSql.subtree(POINTS_ACTIVITY.ORG_PATH, path));
    }

    public List<PointsActivityPhotoRecord> photos(Collection<Long> activityIds) {
        return activityIds.isEmpty() ? List.of() : db.selectFrom(POINTS_ACTIVITY_PHOTO)
                .where(POINTS_ACTIVITY_PHOTO.ACTIVITY_ID.in(activityIds)).orderBy(POINTS_ACTIVITY_PHOTO.ID).fetch();
    }

    public Optional<PointsActivityPhotoRecord> photo(long activityId, long photoId) {
        return db.selectFrom(POINTS_ACTIVITY_PHOTO).where(POINTS_ACTIVITY_PHOTO.ID.eq(photoId))
                .and(POINTS_ACTIVITY_PHOTO.ACTIVITY_ID.eq(activityId)).fetchOptional();
    }

    /** Likes once per member: the primary key decides; the counter moves only when a row was added. */
    public boolean like(long activityId, long memberId) {
        int added = db.insertInto(POINTS_ACTIVITY_LIKE).set(POINTS_ACTIVITY_LIKE.ACTIVITY_ID, activityId)
                .set(POINTS_ACTIVITY_LIKE.MEMBER_ID, memberId).set(POINTS_ACTIVITY_LIKE.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflict(POINTS_ACTIVITY_LIKE.ACTIVITY_ID, POINTS_ACTIVITY_LIKE.MEMBER_ID).doNothing().execute();
        if (added == 1) {
            db.update(POINTS_ACTIVITY).set(POINTS_ACTIVITY.LIKES, POINTS_ACTIVITY.LIKES.plus(1))
                    .where(POINTS_ACTIVITY.ID.eq(activityId)).execute();
        }
        return added == 1;
    }

    public Set<Long> likedBy(long memberId, Collection<Long> activityIds) {
        return activityIds.isEmpty() ? Set.of() : new HashSet<>(db.select(POINTS_ACTIVITY_LIKE.ACTIVITY_ID)
                .from(POINTS_ACTIVITY_LIKE).where(POINTS_ACTIVITY_LIKE.MEMBER_ID.eq(memberId))
                .and(POINTS_ACTIVITY_LIKE.ACTIVITY_ID.in(activityIds)).fetch(POINTS_ACTIVITY_LIKE.ACTIVITY_ID));
    }

    /** Sets the share token once; an existing token is kept (the same link every time). */
    public String share(long activityId, String token) {
        db.update(POINTS_ACTIVITY).set(POINTS_ACTIVITY.SHARE_TOKEN, token).where(POINTS_ACTIVITY.ID.eq(activityId))
                .and(POINTS_ACTIVITY.SHARE_TOKEN.isNull()).execute();
        return db.select(POINTS_ACTIVITY.SHARE_TOKEN).from(POINTS_ACTIVITY).where(POINTS_ACTIVITY.ID.eq(activityId))
                .fetchOne(POINTS_ACTIVITY.SHARE_TOKEN);
    }
}
