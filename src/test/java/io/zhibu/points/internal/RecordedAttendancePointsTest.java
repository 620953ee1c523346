package io.zhibu.points.internal;

import static io.zhibu.db.Tables.MEETING_ATTENDANCE;
import static io.zhibu.db.Tables.MEETING_MEETING;
import static io.zhibu.db.Tables.POINTS_ACTIVITY;
import static io.zhibu.db.Tables.POINTS_ACTIVITY_PHOTO;
import static io.zhibu.db.Tables.POINTS_ENTRY;
import static io.zhibu.db.Tables.POINTS_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.db.tables.records.PointsEntryRecord;
import io.zhibu.db.tables.records.PointsMemberRecord;
import io.zhibu.points.PointFact;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointsService;
import io.zhibu.points.PointsViews;
import io.zhibu.shared.demo.LivedYear;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attendance recorded without an attendance event (written set-based by the lived year, not by check-in or the
 * secretary's marking) posts the same points under the same fact keys as the listener, once; the lived year's
 * activities carry generated photos served like uploaded ones (issue 16 points 8).
 */
class RecordedAttendancePointsTest extends IntegrationTest {
    private static final io.zhibu.shared.DataScope ADMIN = new io.zhibu.shared.DataScope(0, "admin", io.zhibu.shared.Role.ADMIN,
            null, io.zhibu.shared.OrgPath.ROOT, null, null);
    @Autowired
    DSLContext db;
    @Autowired
    PointsLivedYear livedYear;
    @Autowired
    PointsService points;
    @Autowired
    Clock clock;

    /**
     * The bulk posting gives each fact what {@link PointsService#postFact} one at a time gives it: the same caps
     * (attendance 30 a year, volunteering 20 a year), duplicates in the list and earlier postings skipped, unknown
     * members ignored, and the totals kept so that a rebuild from the ledger changes nothing. Two pairs of members of
     * one branch with no postings in a far year: one pair posted in bulk, the other fact by fact.
     */
    @Test
    void bulkPostingsMatchPostingsOneByOne() {
        List<PointsMemberRecord> four = db.selectFrom(POINTS_MEMBER)
                .where(POINTS_MEMBER.ORG_ID.eq(db.select(POINTS_MEMBER.ORG_ID).from(POINTS_MEMBER)
                        .groupBy(POINTS_MEMBER.ORG_ID).having(org.jooq.impl.DSL.count().ge(4))
                        .orderBy(POINTS_MEMBER.ORG_ID).limit(1)))
                .orderBy(POINTS_MEMBER.MEMBER_ID).limit(4).fetch();
        int year = 2031;
        java.util.function.BiFunction<PointsMemberRecord, PointsMemberRecord, List<PointFact>> factsOf = (a, b) -> {
            List<PointFact> out = new java.util.ArrayList<>();
            for (int i = 0; i < 18; i++) { // 36 points asked, 30 allowed a year
                out.add(PointFact.of(PointItem.MEETING_ATTENDED, "bulk-test:meeting:" + i + ":" + a.getMemberId(),
                        a.getMemberId(), LocalDate.of(year, 1 + i % 12, 1 + i), "meeting", i));
            }
            out.add(out.get(0)); // the same fact twice in one list
            for (int i = 0; i < 6; i++) { // 5 each asked, 20 allowed a year
                out.add(new PointFact(PointItem.VOLUNTEERING, "bulk-test:serving:" + i + ":" + b.getMemberId(),
                        b.getMemberId(), LocalDate.of(year, 3, 10 + i), "serving-signup", String.valueOf(i), 5, 0, null, "志愿服务"));
            }
            out.add(PointFact.of(PointItem.HONOUR, "bulk-test:unknown", 987_654_321L, LocalDate.of(year, 5, 1), "test", 1));
            return out;
        };
        List<PointFact> one = factsOf.apply(four.get(0), four.get(1));
        List<PointFact> bulk = factsOf.apply(four.get(2), four.get(3));
        // one fact of the bulk pair was posted before: skipped by the bulk posting
        assertThat(points.postFact(bulk.get(1)).outcome()).isEqualTo(PointsViews.Outcome.POSTED);
        points.postFact(one.get(1));
        int posted = 0;
        for (PointFact f : one) {
            posted += points.postFact(f).outcome() == PointsViews.Outcome.POSTED ? 1 : 0;
        }
        PointsService.BulkPosting result = points.postFacts(bulk);
        assertThat(result.posted()).isEqualTo(posted).isEqualTo(18 - 1 + 6);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.ignored()).isEqualTo(1);
        for (int i = 0; i < one.size() - 1; i++) {
            PointsEntryRecord a = db.selectFrom(POINTS_ENTRY).where(POINTS_ENTRY.FACT_KEY.eq(one.get(i).factKey())).fetchOne();
            PointsEntryRecord b = db.selectFrom(POINTS_ENTRY).where(POINTS_ENTRY.FACT_KEY.eq(bulk.get(i).factKey())).fetchOne();
            assertThat(b.getPoints()).as("fact %d", i).isEqualTo(a.getPoints());
            assertThat(b.getRequested()).isEqualTo(a.getRequested());
        }
        assertThat(points.member(ADMIN, four.get(2).getMemberId(), year).ledger())
                .isEqualTo(30).isEqualTo(points.member(ADMIN, four.get(0).getMemberId(), year).ledger());
        assertThat(points.rebuildYear(year).agreed()).as("the bulk posting kept the totals").isTrue();
        assertThat(points.postFacts(bulk).posted()).isZero();
    }

    @Test
    void recordedAttendanceOfALockedMeetingPostsTheListenersFactsOnce() {
        List<PointsMemberRecord> two = db.selectFrom(POINTS_MEMBER)
                .where(POINTS_MEMBER.ORG_ID.eq(db.select(POINTS_MEMBER.ORG_ID).from(POINTS_MEMBER)
                        .groupBy(POINTS_MEMBER.ORG_ID).having(org.jooq.impl.DSL.count().ge(2))
                        .orderBy(POINTS_MEMBER.ORG_ID.desc()).limit(1)))
                .orderBy(POINTS_MEMBER.MEMBER_ID).limit(2).fetch();
        PointsMemberRecord present = two.get(0);
        PointsMemberRecord absent = two.get(1);
        OffsetDateTime starts = LocalDate.now(clock).minusDays(3).atTime(9, 0).atZone(clock.getZone()).toOffsetDateTime();
        var m = MEETING_MEETING;
        long meetingId = db.insertInto(m).set(m.REGION_ORG_ID, present.getRegionOrgId()).set(m.ORG_ID, present.getOrgId())
                .set(m.ORG_PATH, present.getOrgPath()).set(m.ORG_NAME, "支部").set(m.TYPES, "THEME_DAY")
                .set(m.TITLE, "主题党日：书面记录的会议").set(m.STARTS_AT, starts).set(m.ENDS_AT, starts.plusHours(2))
                .set(m.PLACE, "党员活动室").set(m.AGENDA, "学习").set(m.STATUS, io.zhibu.meeting.MeetingRecords.MeetingStatus.LOCKED).set(m.CHECKIN_CODE, "123456")
                .set(m.HOST, "主持人").set(m.RECORDER, "记录人").set(m.THEME_DUES_DONE, true).set(m.THEME_OATH_DONE, false)
                .set(m.THEME_BIRTHDAYS_DONE, false).set(m.LOCKED_AT, starts.plusDays(1)).set(m.LOCKED_BY, "test")
                .set(m.CREATED_BY, "test").set(m.VERSION, 0).set(m.CREATED_AT, starts.minusDays(5))
                .set(m.UPDATED_AT, starts.plusDays(1)).returning(m.ID).fetchOne(m.ID);
        var a = MEETING_ATTENDANCE;
        for (PointsMemberRecord p : two) {
            db.insertInto(a).set(a.REGION_ORG_ID, p.getRegionOrgId()).set(a.ORG_PATH, p.getOrgPath()).set(a.MEETING_ID, meetingId)
                    .set(a.MEMBER_ID, p.getMemberId()).set(a.NAME, "党员").set(a.PROBATIONARY, false).set(a.NON_VOTING, false)
                    .set(a.STATUS, p == present ? io.zhibu.meeting.MeetingRecords.AttendanceStatus.PRESENT : io.zhibu.meeting.MeetingRecords.AttendanceStatus.ABSENT).set(a.MAKEUP_DUE, p != present).set(a.VERSION, 0)
                    .execute();
        }
        String presentKey = PointsFactListener.attendedKey(meetingId, present.getMemberId());
        String absentKey = PointsFactListener.absentKey(meetingId, absent.getMemberId());
        assertThat(db.fetchExists(POINTS_ENTRY, POINTS_ENTRY.FACT_KEY.in(presentKey, absentKey))).isFalse();

        assertThat(livedYear.postRecordedAttendance(present.getOrgPath())).isGreaterThanOrEqualTo(2);
        PointsEntryRecord earned = db.selectFrom(POINTS_ENTRY).where(POINTS_ENTRY.FACT_KEY.eq(presentKey)).fetchOne();
        assertThat(earned.getItem()).isEqualTo(PointItem.MEETING_ATTENDED);
        assertThat(earned.getRequested()).isEqualTo(2);
        assertThat(earned.getLinkId()).isEqualTo(String.valueOf(meetingId));
        assertThat(earned.getFactDate()).isEqualTo(starts.toLocalDate());
        PointsEntryRecord cost = db.selectFrom(POINTS_ENTRY).where(POINTS_ENTRY.FACT_KEY.eq(absentKey)).fetchOne();
        assertThat(cost.getItem()).isEqualTo(PointItem.MEETING_ABSENT);
        assertThat(cost.getPoints()).isEqualTo(-3);

        // idempotent: again nothing, and the listener's posting of the same fact is a duplicate
        assertThat(livedYear.postRecordedAttendance(present.getOrgPath())).isZero();
        assertThat(points.postFact(PointFact.of(PointItem.MEETING_ATTENDED, presentKey, present.getMemberId(),
                starts.toLocalDate(), "meeting", meetingId)).outcome()).isEqualTo(PointsViews.Outcome.DUPLICATE);
        assertThat(db.fetchCount(POINTS_ENTRY, POINTS_ENTRY.FACT_KEY.in(presentKey, absentKey))).isEqualTo(2);
        // the bulk step keeps the totals as the listener's postings would (each member's year and the org rows
        // changed once): a rebuild from the ledger finds nothing to change
        assertThat(points.rebuildYear(starts.getYear()).agreed()).as("the bulk postings kept the totals").isTrue();
    }

    @Test
    void livedYearActivitiesCarryGeneratedPhotos() {
        assertThat(PointsLivedYear.photo(7)).isEqualTo(PointsLivedYear.photo(7)).isNotEqualTo(PointsLivedYear.photo(8));
        PointsMemberRecord b = db.selectFrom(POINTS_MEMBER).orderBy(POINTS_MEMBER.MEMBER_ID).limit(1).fetchOne();
        LivedYear.Region region = new LivedYear.Region(b.getRegionOrgId(), b.getOrgPath(), LocalDate.now(clock), 42, 12);
        int before = db.fetchCount(POINTS_ACTIVITY, POINTS_ACTIVITY.CREATED_BY.eq(PointsLivedYear.BY));
        livedYear.generate(region);
        var mine = db.select(POINTS_ACTIVITY.ID).from(POINTS_ACTIVITY).where(POINTS_ACTIVITY.CREATED_BY.eq(PointsLivedYear.BY))
                .and(POINTS_ACTIVITY.ORG_ID.eq(b.getOrgId())).fetch(POINTS_ACTIVITY.ID);
        assertThat(db.fetchCount(POINTS_ACTIVITY, POINTS_ACTIVITY.CREATED_BY.eq(PointsLivedYear.BY))).isGreaterThan(before);
        var photo = db.selectFrom(POINTS_ACTIVITY_PHOTO).where(POINTS_ACTIVITY_PHOTO.ACTIVITY_ID.in(mine))
                .orderBy(POINTS_ACTIVITY_PHOTO.ID).limit(1).fetchOne();
        assertThat(photo).as("a share of the branch's activities has photos").isNotNull();
        Api county = as("county");
        byte[] bytes = county.bytes("/api/v1/points/activities/" + photo.getActivityId() + "/photos/" + photo.getId());
        assertThat(bytes).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat((long) bytes.length).isEqualTo(photo.getSizeBytes());
    }
}
