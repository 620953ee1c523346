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
    @Autowired
    DSLContext db;
    @Autowired
    PointsLivedYear livedYear;
    @Autowired
    PointsService points;
    @Autowired
    Clock clock;

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
        // the bulk step leaves the totals to the lived year, which rebuilds the years it wrote (generate); called
        // alone here, the totals are rebuilt the same way so that the shared database stays consistent
        // (PointsRollupTest compares the incremental rollups with a rebuild from the ledger)
        assertThat(points.rebuildYear(starts.getYear()).agreed()).as("the bulk postings left the totals stale").isFalse();
        assertThat(points.rebuildYear(starts.getYear()).agreed()).isTrue();
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
