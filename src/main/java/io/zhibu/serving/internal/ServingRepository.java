package io.zhibu.serving.internal;

import static io.zhibu.db.Tables.SERVING_ACTIVITY;
import static io.zhibu.db.Tables.SERVING_ACTIVITY_PHOTO;
import static io.zhibu.db.Tables.SERVING_NEED;
import static io.zhibu.db.Tables.SERVING_PARTICIPATION;
import static io.zhibu.db.Tables.SERVING_REPORT;
import static io.zhibu.db.Tables.SERVING_SIGNUP;
import static io.zhibu.db.Tables.SERVING_TALK;
import static io.zhibu.db.Tables.SERVING_VISIT;

import io.zhibu.db.tables.records.ServingActivityPhotoRecord;
import io.zhibu.db.tables.records.ServingActivityRecord;
import io.zhibu.db.tables.records.ServingNeedRecord;
import io.zhibu.db.tables.records.ServingParticipationRecord;
import io.zhibu.db.tables.records.ServingReportRecord;
import io.zhibu.db.tables.records.ServingSignupRecord;
import io.zhibu.db.tables.records.ServingTalkRecord;
import io.zhibu.db.tables.records.ServingVisitRecord;
import io.zhibu.serving.NeedStatus;
import io.zhibu.serving.ParticipationStatus;
import io.zhibu.serving.ReportStatus;
import io.zhibu.serving.SignupStatus;
import io.zhibu.shared.OrgPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The 双报到, volunteer and care tables (jOOQ lives here only; designations, aid and plans have their own). */
@Repository
public class ServingRepository {
    private final DSLContext db;

    public ServingRepository(DSLContext db) {
        this.db = db;
    }

    static Condition under(Field<String> path, String root) {
        return root.isEmpty() ? DSL.noCondition() : path.ge(root).and(path.lt(OrgPath.upperBound(root)));
    }

    // --- reports

    public ServingReportRecord newReport() {
        return db.newRecord(SERVING_REPORT);
    }

    public Optional<ServingReportRecord> report(long id) {
        return db.selectFrom(SERVING_REPORT).where(SERVING_REPORT.ID.eq(id)).fetchOptional();
    }

    public Optional<ServingReportRecord> reportForUpdate(long id) {
        return db.selectFrom(SERVING_REPORT).where(SERVING_REPORT.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** The member's reports of a year that still count (filed or confirmed). */
    public List<ServingReportRecord> activeReports(long memberId, int year) {
        return db.selectFrom(SERVING_REPORT).where(SERVING_REPORT.MEMBER_ID.eq(memberId))
                .and(SERVING_REPORT.REPORT_YEAR.eq(year))
                .and(SERVING_REPORT.STATUS.in(ReportStatus.FILED, ReportStatus.CONFIRMED)).fetch();
    }

    public List<ServingReportRecord> reportsOfMember(long memberId) {
        return db.selectFrom(SERVING_REPORT).where(SERVING_REPORT.MEMBER_ID.eq(memberId))
                .orderBy(SERVING_REPORT.REPORT_YEAR.desc(), SERVING_REPORT.ID.desc()).fetch();
    }

    /** Reports of a year whose unit or community lies under {@code root} (both branches see them). */
    public List<ServingReportRecord> reportsTouching(String root, int year, int offset, int limit) {
        return db.selectFrom(SERVING_REPORT).where(reportsTouching(root, year))
                .orderBy(SERVING_REPORT.FILED_AT.desc(), SERVING_REPORT.ID.desc()).offset(offset).limit(limit).fetch();
    }

    private static Condition reportsTouching(String root, int year) {
        return SERVING_REPORT.REPORT_YEAR.eq(year)
                .and(under(SERVING_REPORT.UNIT_ORG_PATH, root).or(under(SERVING_REPORT.COMMUNITY_ORG_PATH, root)));
    }

    public long countReportsTouching(String root, int year) {
        return db.fetchCount(SERVING_REPORT, reportsTouching(root, year));
    }

    /** Reports still awaiting this community. */
    public List<ServingReportRecord> pendingAt(long communityOrgId, int limit) {
        return db.selectFrom(SERVING_REPORT).where(SERVING_REPORT.COMMUNITY_ORG_ID.eq(communityOrgId))
                .and(SERVING_REPORT.STATUS.eq(ReportStatus.FILED)).orderBy(SERVING_REPORT.FILED_AT).limit(limit).fetch();
    }

    public boolean decide(long id, int version, ReportStatus to, String reason, String by, OffsetDateTime at, LocalDate on) {
        return db.update(SERVING_REPORT).set(SERVING_REPORT.STATUS, to).set(SERVING_REPORT.DECLINE_REASON, reason)
                .set(SERVING_REPORT.DECIDED_BY, by).set(SERVING_REPORT.DECIDED_AT, at).set(SERVING_REPORT.DECIDED_ON, on)
                .set(SERVING_REPORT.VERSION, version + 1)
                .where(SERVING_REPORT.ID.eq(id)).and(SERVING_REPORT.VERSION.eq(version)).execute() == 1;
    }

    // --- needs

    public ServingNeedRecord newNeed() {
        return db.newRecord(SERVING_NEED);
    }

    public Optional<ServingNeedRecord> need(long id) {
        return db.selectFrom(SERVING_NEED).where(SERVING_NEED.ID.eq(id)).fetchOptional();
    }

    public Optional<ServingNeedRecord> needForUpdate(long id) {
        return db.selectFrom(SERVING_NEED).where(SERVING_NEED.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** Needs of these communities on or after {@code from} (open first, by date). */
    public List<ServingNeedRecord> needsOf(Collection<Long> communityIds, LocalDate from, int limit) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(SERVING_NEED).where(SERVING_NEED.COMMUNITY_ORG_ID.in(communityIds))
                .and(SERVING_NEED.NEED_ON.ge(from)).orderBy(SERVING_NEED.STATUS.desc(), SERVING_NEED.NEED_ON, SERVING_NEED.ID)
                .limit(limit).fetch();
    }

    /** Needs of the communities under {@code root} on or after {@code from}. */
    public List<ServingNeedRecord> needsUnder(String root, LocalDate from, int offset, int limit) {
        return db.selectFrom(SERVING_NEED).where(under(SERVING_NEED.COMMUNITY_ORG_PATH, root))
                .and(SERVING_NEED.NEED_ON.ge(from)).orderBy(SERVING_NEED.NEED_ON.desc(), SERVING_NEED.ID.desc())
                .offset(offset).limit(limit).fetch();
    }

    public long countNeedsUnder(String root, LocalDate from) {
        return db.fetchCount(SERVING_NEED, under(SERVING_NEED.COMMUNITY_ORG_PATH, root).and(SERVING_NEED.NEED_ON.ge(from)));
    }

    public void close(long id) {
        db.update(SERVING_NEED).set(SERVING_NEED.STATUS, NeedStatus.CLOSED).set(SERVING_NEED.VERSION, SERVING_NEED.VERSION.plus(1))
                .where(SERVING_NEED.ID.eq(id)).execute();
    }

    public void take(long needId, int delta) {
        db.update(SERVING_NEED).set(SERVING_NEED.TAKEN, SERVING_NEED.TAKEN.plus(delta)).where(SERVING_NEED.ID.eq(needId)).execute();
    }

    // --- sign-ups

    public ServingSignupRecord newSignup() {
        return db.newRecord(SERVING_SIGNUP);
    }

    public Optional<ServingSignupRecord> signup(long id) {
        return db.selectFrom(SERVING_SIGNUP).where(SERVING_SIGNUP.ID.eq(id)).fetchOptional();
    }

    public Optional<ServingSignupRecord> signupForUpdate(long id) {
        return db.selectFrom(SERVING_SIGNUP).where(SERVING_SIGNUP.ID.eq(id)).forUpdate().fetchOptional();
    }

    public Optional<ServingSignupRecord> signupOf(long needId, long memberId) {
        return db.selectFrom(SERVING_SIGNUP).where(SERVING_SIGNUP.NEED_ID.eq(needId)).and(SERVING_SIGNUP.MEMBER_ID.eq(memberId))
                .fetchOptional();
    }

    public List<ServingSignupRecord> signupsOfMember(long memberId) {
        return db.selectFrom(SERVING_SIGNUP).where(SERVING_SIGNUP.MEMBER_ID.eq(memberId))
                .orderBy(SERVING_SIGNUP.SIGNED_UP_AT.desc()).fetch();
    }

    /** Sign-ups of the reports' year whose unit or community lies under {@code root}. */
    public List<ServingSignupRecord> signupsTouching(String root, int year, int offset, int limit) {
        return db.selectFrom(SERVING_SIGNUP).where(signupsTouching(root, year))
                .orderBy(SERVING_SIGNUP.SIGNED_UP_AT.desc(), SERVING_SIGNUP.ID.desc()).offset(offset).limit(limit).fetch();
    }

    private static Condition signupsTouching(String root, int year) {
        return DSL.extract(SERVING_SIGNUP.SIGNED_UP_AT, org.jooq.DatePart.YEAR).eq(year)
                .and(under(SERVING_SIGNUP.UNIT_ORG_PATH, root).or(under(SERVING_SIGNUP.COMMUNITY_ORG_PATH, root)));
    }

    public long countSignupsTouching(String root, int year) {
        return db.fetchCount(SERVING_SIGNUP, signupsTouching(root, year));
    }

    /** Sign-ups a community still has to record (to-dos), with the need's date. */
    public List<ServingSignupRecord> unrecordedAt(long communityOrgId, LocalDate before, int limit) {
        return db.selectFrom(SERVING_SIGNUP).where(SERVING_SIGNUP.COMMUNITY_ORG_ID.eq(communityOrgId))
                .and(SERVING_SIGNUP.STATUS.eq(SignupStatus.SIGNED_UP))
                .and(SERVING_SIGNUP.NEED_ID.in(DSL.select(SERVING_NEED.ID).from(SERVING_NEED).where(SERVING_NEED.NEED_ON.le(before))))
                .limit(limit).fetch();
    }

    public void recordServed(long id, LocalDate servedOn, int minutes, String feedback, int points, String by, OffsetDateTime at) {
        db.update(SERVING_SIGNUP).set(SERVING_SIGNUP.STATUS, SignupStatus.SERVED).set(SERVING_SIGNUP.SERVED_ON, servedOn)
                .set(SERVING_SIGNUP.MINUTES, minutes).set(SERVING_SIGNUP.FEEDBACK, feedback).set(SERVING_SIGNUP.POINTS, points)
                .set(SERVING_SIGNUP.RECORDED_BY, by).set(SERVING_SIGNUP.RECORDED_AT, at).where(SERVING_SIGNUP.ID.eq(id)).execute();
    }

    /** Minutes served and services per report (the report's member at the report's community). */
    public Map<Long, int[]> servedByReport(Collection<Long> reportIds) {
        Map<Long, int[]> out = new HashMap<>();
        if (reportIds.isEmpty()) {
            return out;
        }
        for (var r : db.select(SERVING_SIGNUP.REPORT_ID, DSL.sum(SERVING_SIGNUP.MINUTES), DSL.count()).from(SERVING_SIGNUP)
                .where(SERVING_SIGNUP.REPORT_ID.in(reportIds)).and(SERVING_SIGNUP.STATUS.eq(SignupStatus.SERVED))
                .groupBy(SERVING_SIGNUP.REPORT_ID).fetch()) {
            out.put(r.value1(), new int[] {r.value2() == null ? 0 : r.value2().intValue(), r.value3()});
        }
        return out;
    }

    public Map<Long, String> needTitles(Collection<Long> needIds) {
        Map<Long, String> out = new HashMap<>();
        if (!needIds.isEmpty()) {
            db.select(SERVING_NEED.ID, SERVING_NEED.TITLE).from(SERVING_NEED).where(SERVING_NEED.ID.in(needIds))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    public Map<Long, LocalDate> needDates(Collection<Long> needIds) {
        Map<Long, LocalDate> out = new HashMap<>();
        if (!needIds.isEmpty()) {
            db.select(SERVING_NEED.ID, SERVING_NEED.NEED_ON).from(SERVING_NEED).where(SERVING_NEED.ID.in(needIds))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    // --- figures

    /** Per unit (or community) org of a subtree: distinct members with a confirmed report in the year. */
    public Map<Long, Long> reportedMembers(String root, int year, boolean byUnit) {
        Field<Long> org = byUnit ? SERVING_REPORT.UNIT_ORG_ID : SERVING_REPORT.COMMUNITY_ORG_ID;
        Field<String> path = byUnit ? SERVING_REPORT.UNIT_ORG_PATH : SERVING_REPORT.COMMUNITY_ORG_PATH;
        Map<Long, Long> out = new HashMap<>();
        db.select(org, DSL.countDistinct(SERVING_REPORT.MEMBER_ID)).from(SERVING_REPORT).where(under(path, root))
                .and(SERVING_REPORT.REPORT_YEAR.eq(year)).and(SERVING_REPORT.STATUS.eq(ReportStatus.CONFIRMED))
                .groupBy(org).forEach(r -> out.put(r.value1(), r.value2().longValue()));
        return out;
    }

    /** Per unit (or community) org of a subtree: services and minutes served in the year. */
    public Map<Long, long[]> served(String root, int year, boolean byUnit) {
        Field<Long> org = byUnit ? SERVING_SIGNUP.UNIT_ORG_ID : SERVING_SIGNUP.COMMUNITY_ORG_ID;
        Field<String> path = byUnit ? SERVING_SIGNUP.UNIT_ORG_PATH : SERVING_SIGNUP.COMMUNITY_ORG_PATH;
        Map<Long, long[]> out = new HashMap<>();
        db.select(org, DSL.count(), DSL.sum(SERVING_SIGNUP.MINUTES)).from(SERVING_SIGNUP).where(under(path, root))
                .and(SERVING_SIGNUP.STATUS.eq(SignupStatus.SERVED))
                .and(SERVING_SIGNUP.SERVED_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .groupBy(org).forEach(r -> out.put(r.value1(), new long[] {r.value2(), r.value3() == null ? 0 : r.value3().longValue()}));
        return out;
    }

    /** Rollup rows: per org and month, confirmed reports (unit, month decided) — {orgId, year, month, count}. */
    public List<long[]> reportsByUnitMonth(Condition which, LocalDate from, LocalDate to) {
        var month = DSL.extract(SERVING_REPORT.DECIDED_ON, org.jooq.DatePart.MONTH);
        var yr = DSL.extract(SERVING_REPORT.DECIDED_ON, org.jooq.DatePart.YEAR);
        return db.select(SERVING_REPORT.UNIT_ORG_ID, yr, month, DSL.count()).from(SERVING_REPORT)
                .where(which).and(SERVING_REPORT.STATUS.eq(ReportStatus.CONFIRMED))
                .and(SERVING_REPORT.DECIDED_ON.between(from, to))
                .groupBy(SERVING_REPORT.UNIT_ORG_ID, yr, month)
                .fetch(r -> new long[] {r.value1(), r.value2(), r.value3(), r.value4()});
    }

    /** Rollup rows: per unit org and month served, minutes — {orgId, year, month, minutes}. */
    public List<long[]> minutesByUnitMonth(Condition which, LocalDate from, LocalDate to) {
        var month = DSL.extract(SERVING_SIGNUP.SERVED_ON, org.jooq.DatePart.MONTH);
        var yr = DSL.extract(SERVING_SIGNUP.SERVED_ON, org.jooq.DatePart.YEAR);
        return db.select(SERVING_SIGNUP.UNIT_ORG_ID, yr, month, DSL.sum(SERVING_SIGNUP.MINUTES)).from(SERVING_SIGNUP)
                .where(which).and(SERVING_SIGNUP.STATUS.eq(SignupStatus.SERVED))
                .and(SERVING_SIGNUP.SERVED_ON.between(from, to))
                .groupBy(SERVING_SIGNUP.UNIT_ORG_ID, yr, month)
                .fetch(r -> new long[] {r.value1(), r.value2(), r.value3(), r.value4() == null ? 0 : r.value4().longValue()});
    }

    /** Rollup rows: per community org and month, confirmed reports (month decided) — {orgId, year, month, count}. */
    public List<long[]> reportsByCommunityMonth(Condition which, LocalDate from, LocalDate to) {
        var month = DSL.extract(SERVING_REPORT.DECIDED_ON, org.jooq.DatePart.MONTH);
        var yr = DSL.extract(SERVING_REPORT.DECIDED_ON, org.jooq.DatePart.YEAR);
        return db.select(SERVING_REPORT.COMMUNITY_ORG_ID, yr, month, DSL.count()).from(SERVING_REPORT)
                .where(which).and(SERVING_REPORT.STATUS.eq(ReportStatus.CONFIRMED))
                .and(SERVING_REPORT.DECIDED_ON.between(from, to))
                .groupBy(SERVING_REPORT.COMMUNITY_ORG_ID, yr, month)
                .fetch(r -> new long[] {r.value1(), r.value2(), r.value3(), r.value4()});
    }

    public Condition reportCommunityIn(Collection<Long> ids) {
        return ids == null ? DSL.noCondition() : SERVING_REPORT.COMMUNITY_ORG_ID.in(ids);
    }

    public Condition reportCommunityUnder(String path) {
        return under(SERVING_REPORT.COMMUNITY_ORG_PATH, path);
    }

    public Condition reportUnitIn(Collection<Long> ids) {
        return ids == null ? DSL.noCondition() : SERVING_REPORT.UNIT_ORG_ID.in(ids);
    }

    public Condition reportUnitUnder(String path) {
        return under(SERVING_REPORT.UNIT_ORG_PATH, path);
    }

    public Condition signupUnitIn(Collection<Long> ids) {
        return ids == null ? DSL.noCondition() : SERVING_SIGNUP.UNIT_ORG_ID.in(ids);
    }

    public Condition signupUnitUnder(String path) {
        return under(SERVING_SIGNUP.UNIT_ORG_PATH, path);
    }

    // --- volunteer activities (issue 21 point 2)

    public ServingActivityRecord newActivity() {
        return db.newRecord(SERVING_ACTIVITY);
    }

    public Optional<ServingActivityRecord> activity(long id) {
        return db.selectFrom(SERVING_ACTIVITY).where(SERVING_ACTIVITY.ID.eq(id)).fetchOptional();
    }

    public Optional<ServingActivityRecord> activityForUpdate(long id) {
        return db.selectFrom(SERVING_ACTIVITY).where(SERVING_ACTIVITY.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** Activities organized in the subtree of {@code root} starting on or after {@code from}. */
    public List<ServingActivityRecord> activitiesUnder(String root, OffsetDateTime from, int offset, int limit) {
        return db.selectFrom(SERVING_ACTIVITY).where(under(SERVING_ACTIVITY.ORG_PATH, root))
                .and(SERVING_ACTIVITY.STARTS_AT.ge(from)).orderBy(SERVING_ACTIVITY.STARTS_AT.desc(), SERVING_ACTIVITY.ID.desc())
                .offset(offset).limit(limit).fetch();
    }

    public long countActivitiesUnder(String root, OffsetDateTime from) {
        return db.fetchCount(SERVING_ACTIVITY, under(SERVING_ACTIVITY.ORG_PATH, root).and(SERVING_ACTIVITY.STARTS_AT.ge(from)));
    }

    public void insertPhoto(ServingActivityPhotoRecord p) {
        db.executeInsert(p);
    }

    public Map<Long, List<Long>> photoIds(Collection<Long> activityIds) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (!activityIds.isEmpty()) {
            db.select(SERVING_ACTIVITY_PHOTO.ACTIVITY_ID, SERVING_ACTIVITY_PHOTO.ID).from(SERVING_ACTIVITY_PHOTO)
                    .where(SERVING_ACTIVITY_PHOTO.ACTIVITY_ID.in(activityIds)).orderBy(SERVING_ACTIVITY_PHOTO.ID)
                    .forEach(r -> out.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(r.value2()));
        }
        return out;
    }

    public int countPhotos(long activityId) {
        return db.fetchCount(SERVING_ACTIVITY_PHOTO, SERVING_ACTIVITY_PHOTO.ACTIVITY_ID.eq(activityId));
    }

    public Optional<ServingActivityPhotoRecord> photo(long activityId, long photoId) {
        return db.selectFrom(SERVING_ACTIVITY_PHOTO).where(SERVING_ACTIVITY_PHOTO.ID.eq(photoId))
                .and(SERVING_ACTIVITY_PHOTO.ACTIVITY_ID.eq(activityId)).fetchOptional();
    }

    /** Activities a member of {@code memberPath} may join: organized by their branch or an ancestor, not over. */
    public List<ServingActivityRecord> activitiesFor(String memberPath, OffsetDateTime endedAfter, int limit) {
        List<String> ancestors = new java.util.ArrayList<>();
        for (int d = 1; d <= OrgPath.depth(memberPath); d++) {
            ancestors.add(memberPath.substring(0, d * OrgPath.SEGMENT));
        }
        return db.selectFrom(SERVING_ACTIVITY).where(SERVING_ACTIVITY.ORG_PATH.in(ancestors))
                .and(SERVING_ACTIVITY.ENDS_AT.ge(endedAfter)).orderBy(SERVING_ACTIVITY.STARTS_AT).limit(limit).fetch();
    }

    public void takeActivity(long id, int delta) {
        db.update(SERVING_ACTIVITY).set(SERVING_ACTIVITY.TAKEN, SERVING_ACTIVITY.TAKEN.plus(delta)).where(SERVING_ACTIVITY.ID.eq(id)).execute();
    }

    /**
     * New records of one table written as multi-row INSERTs (500 rows a statement) that return the generated ids, set
     * on the records in order (the lived year's reports, needs, sign-ups and activities, whose ids the next rows
     * carry). Fields a record did not set get their column default. {@code check} is compared row by row with what
     * came back, so a database that returned the rows in another order fails loudly instead of mixing ids.
     */
    public <R extends org.jooq.UpdatableRecord<R>> void insertWithIds(org.jooq.Table<R> table, org.jooq.TableField<R, Long> id,
                                                                      org.jooq.TableField<R, Long> check, List<R> records) {
        List<org.jooq.Field<?>> fields = java.util.Arrays.stream(table.fields()).filter(f -> !f.getName().equals(id.getName()))
                .<org.jooq.Field<?>>map(f -> f).toList();
        for (int i = 0; i < records.size(); i += 500) {
            List<R> chunk = records.subList(i, Math.min(records.size(), i + 500));
            var insert = db.insertInto(table, fields);
            for (R r : chunk) {
                List<org.jooq.Field<?>> values = new java.util.ArrayList<>(fields.size());
                for (org.jooq.Field<?> f : fields) {
                    values.add(value(r, f));
                }
                insert = insert.values(values);
            }
            var back = insert.returningResult(id, check).fetch();
            if (back.size() != chunk.size()) {
                throw new IllegalStateException("insert into " + table.getName() + " returned " + back.size() + " of " + chunk.size() + " ids");
            }
            for (int k = 0; k < chunk.size(); k++) {
                R r = chunk.get(k);
                if (!java.util.Objects.equals(back.get(k).value2(), r.get(check))) {
                    throw new IllegalStateException("insert into " + table.getName() + " returned its ids out of order");
                }
                r.set(id, back.get(k).value1());
                r.changed(false);
            }
        }
    }

    private static <T> org.jooq.Field<T> value(org.jooq.Record r, org.jooq.Field<T> f) {
        return r.changed(f) ? DSL.val(r.get(f), f) : DSL.defaultValue(f);
    }

    /** Records of one table written as one JDBC batch (the lived year's participations). */
    public void insertAll(List<? extends org.jooq.TableRecord<?>> records) {
        if (!records.isEmpty()) {
            db.batchInsert(records).execute();
        }
    }

    public ServingParticipationRecord newParticipation() {
        return db.newRecord(SERVING_PARTICIPATION);
    }

    public Optional<ServingParticipationRecord> participation(long activityId, long memberId) {
        return db.selectFrom(SERVING_PARTICIPATION).where(SERVING_PARTICIPATION.ACTIVITY_ID.eq(activityId))
                .and(SERVING_PARTICIPATION.MEMBER_ID.eq(memberId)).forUpdate().fetchOptional();
    }

    public List<ServingParticipationRecord> participations(long activityId) {
        return db.selectFrom(SERVING_PARTICIPATION).where(SERVING_PARTICIPATION.ACTIVITY_ID.eq(activityId))
                .orderBy(SERVING_PARTICIPATION.ID).fetch();
    }

    public List<ServingParticipationRecord> participationsOfMember(long memberId) {
        return db.selectFrom(SERVING_PARTICIPATION).where(SERVING_PARTICIPATION.MEMBER_ID.eq(memberId))
                .orderBy(SERVING_PARTICIPATION.SIGNED_UP_AT.desc()).fetch();
    }

    public void wrongCode(long participationId) {
        db.update(SERVING_PARTICIPATION).set(SERVING_PARTICIPATION.WRONG_CODES, SERVING_PARTICIPATION.WRONG_CODES.plus(1))
                .where(SERVING_PARTICIPATION.ID.eq(participationId)).execute();
    }

    public void checkIn(long participationId, OffsetDateTime at) {
        db.update(SERVING_PARTICIPATION).set(SERVING_PARTICIPATION.STATUS, ParticipationStatus.CHECKED_IN)
                .set(SERVING_PARTICIPATION.CHECKED_IN_AT, at).where(SERVING_PARTICIPATION.ID.eq(participationId)).execute();
    }

    public void checkOut(long participationId, OffsetDateTime at, LocalDate on, int minutes, int points) {
        db.update(SERVING_PARTICIPATION).set(SERVING_PARTICIPATION.STATUS, ParticipationStatus.DONE)
                .set(SERVING_PARTICIPATION.CHECKED_OUT_AT, at).set(SERVING_PARTICIPATION.SERVED_ON, on)
                .set(SERVING_PARTICIPATION.MINUTES, minutes).set(SERVING_PARTICIPATION.POINTS, points)
                .where(SERVING_PARTICIPATION.ID.eq(participationId)).execute();
    }

    /** Rollup rows: per member branch and month served, activity minutes — {orgId, year, month, minutes}. */
    public List<long[]> activityMinutesByOrgMonth(Condition which, LocalDate from, LocalDate to) {
        var month = DSL.extract(SERVING_PARTICIPATION.SERVED_ON, org.jooq.DatePart.MONTH);
        var yr = DSL.extract(SERVING_PARTICIPATION.SERVED_ON, org.jooq.DatePart.YEAR);
        return db.select(SERVING_PARTICIPATION.ORG_ID, yr, month, DSL.sum(SERVING_PARTICIPATION.MINUTES)).from(SERVING_PARTICIPATION)
                .where(which).and(SERVING_PARTICIPATION.STATUS.eq(ParticipationStatus.DONE))
                .and(SERVING_PARTICIPATION.SERVED_ON.between(from, to))
                .groupBy(SERVING_PARTICIPATION.ORG_ID, yr, month)
                .fetch(r -> new long[] {r.value1(), r.value2(), r.value3(), r.value4() == null ? 0 : r.value4().longValue()});
    }

    public Condition participationOrgIn(Collection<Long> ids) {
        return ids == null ? DSL.noCondition() : SERVING_PARTICIPATION.ORG_ID.in(ids);
    }

    public Condition participationOrgUnder(String path) {
        return under(SERVING_PARTICIPATION.ORG_PATH, path);
    }

    /** Per member branch of a subtree: volunteer minutes (activities and community services) served in [from, to]. */
    public Map<Long, Long> volunteerMinutesByBranch(String root, LocalDate from, LocalDate to) {
        Map<Long, Long> out = new HashMap<>();
        db.select(SERVING_PARTICIPATION.ORG_ID, DSL.sum(SERVING_PARTICIPATION.MINUTES)).from(SERVING_PARTICIPATION)
                .where(under(SERVING_PARTICIPATION.ORG_PATH, root)).and(SERVING_PARTICIPATION.STATUS.eq(ParticipationStatus.DONE))
                .and(SERVING_PARTICIPATION.SERVED_ON.between(from, to)).groupBy(SERVING_PARTICIPATION.ORG_ID)
                .forEach(r -> out.merge(r.value1(), r.value2() == null ? 0L : r.value2().longValue(), Long::sum));
        db.select(SERVING_SIGNUP.UNIT_ORG_ID, DSL.sum(SERVING_SIGNUP.MINUTES)).from(SERVING_SIGNUP)
                .where(under(SERVING_SIGNUP.UNIT_ORG_PATH, root)).and(SERVING_SIGNUP.STATUS.eq(SignupStatus.SERVED))
                .and(SERVING_SIGNUP.SERVED_ON.between(from, to)).groupBy(SERVING_SIGNUP.UNIT_ORG_ID)
                .forEach(r -> out.merge(r.value1(), r.value2() == null ? 0L : r.value2().longValue(), Long::sum));
        return out;
    }

    // --- care (issue 21 point 3)

    /** Inserts a talk unless one of the same member, kind and source exists; true when inserted. */
    public boolean insertTalk(ServingTalkRecord t) {
        return db.insertInto(SERVING_TALK).set(t).onConflict(SERVING_TALK.MEMBER_ID, SERVING_TALK.KIND, SERVING_TALK.SOURCE)
                .doNothing().execute() == 1;
    }

    public ServingTalkRecord newTalk() {
        return db.newRecord(SERVING_TALK);
    }

    public Optional<ServingTalkRecord> talkForUpdate(long id) {
        return db.selectFrom(SERVING_TALK).where(SERVING_TALK.ID.eq(id)).forUpdate().fetchOptional();
    }

    public List<ServingTalkRecord> talksUnder(String root, int limit) {
        return talksUnder(root, 0, limit);
    }

    public List<ServingTalkRecord> talksUnder(String root, int offset, int limit) {
        return db.selectFrom(SERVING_TALK).where(under(SERVING_TALK.ORG_PATH, root))
                .orderBy(SERVING_TALK.STATUS, SERVING_TALK.DUE_ON, SERVING_TALK.ID).offset(offset).limit(limit).fetch();
    }

    public Optional<ServingTalkRecord> talkBySource(long memberId, String kind, String source) {
        return db.selectFrom(SERVING_TALK).where(SERVING_TALK.MEMBER_ID.eq(memberId)).and(SERVING_TALK.KIND.eq(kind))
                .and(SERVING_TALK.SOURCE.eq(source)).fetchOptional();
    }

    public long countTalksUnder(String root) {
        return db.fetchCount(SERVING_TALK, under(SERVING_TALK.ORG_PATH, root));
    }

    public List<ServingTalkRecord> dueTalksOf(long orgId, int limit) {
        return db.selectFrom(SERVING_TALK).where(SERVING_TALK.ORG_ID.eq(orgId)).and(SERVING_TALK.STATUS.eq(io.zhibu.serving.TalkStatus.DUE))
                .orderBy(SERVING_TALK.DUE_ON).limit(limit).fetch();
    }

    public void recordTalk(long id, LocalDate heldOn, String people, String topic, String outcome, String by) {
        db.update(SERVING_TALK).set(SERVING_TALK.STATUS, io.zhibu.serving.TalkStatus.HELD).set(SERVING_TALK.HELD_ON, heldOn)
                .set(SERVING_TALK.PEOPLE, people).set(SERVING_TALK.TOPIC, topic).set(SERVING_TALK.OUTCOME, outcome)
                .set(SERVING_TALK.RECORDED_BY, by).where(SERVING_TALK.ID.eq(id)).execute();
    }

    public ServingVisitRecord newVisit() {
        return db.newRecord(SERVING_VISIT);
    }

    public List<ServingVisitRecord> visitsUnder(String root, int offset, int limit) {
        return db.selectFrom(SERVING_VISIT).where(under(SERVING_VISIT.ORG_PATH, root))
                .orderBy(SERVING_VISIT.VISITED_ON.desc(), SERVING_VISIT.ID.desc()).offset(offset).limit(limit).fetch();
    }

    public long countVisitsUnder(String root) {
        return db.fetchCount(SERVING_VISIT, under(SERVING_VISIT.ORG_PATH, root));
    }
}
