package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_ATTENDANCE;
import static io.zhibu.db.Tables.MEETING_MEETING;

import io.zhibu.meeting.MeetingRecords.AttendanceStatus;
import io.zhibu.meeting.MeetingRecords.MeetingStatus;
import io.zhibu.meeting.MeetingType;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberService;
import io.zhibu.member.RosterLine;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.db.BulkInsert;
import io.zhibu.shared.demo.LivedYear;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lived year of organization life (R6.1 frequencies) for the demo county or a generated city, written set-based into
 * the meeting module's own tables: every month the 支委会 (committee members attend) and the 主题党日 on the branch's
 * fixed day (all members), the 党小组会 where the branch has party groups, in the middle month of each quarter the
 * 支部党员大会 with the 党课, the 专题组织生活会 in July and the year's 组织生活会 with 民主评议 in December — each held with the branch's
 * diligence ({@link LivedYear.Region#diligence}), locked minutes (host, recorder, speeches, decisions), attendance
 * from the roster with check-in times, leave with reasons, a few absences with make-up study (R6.3), most done.
 */
@Component
class MeetingLivedYear implements LivedYear {
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private static final String BY = "demo-year";
    private static final int BRANCHES_PER_BATCH = 40;
    private static final String[] LEAVE = {"外出务工", "生病住院", "照顾病重老人", "单位值班", "在外地学习培训", "农忙抢收"};
    private static final String[] LECTURES = {"学习贯彻党的二十大精神", "新时代党员的初心使命", "从严治党永远在路上",
        "乡村振兴中的党员担当", "党章党规党纪学习", "发扬斗争精神增强斗争本领", "践行全心全意为人民服务的根本宗旨",
        "学习习近平新时代中国特色社会主义思想", "加强作风建设密切联系群众", "弘扬焦裕禄精神", "党史学习：红旗渠精神",
        "廉洁自律从我做起"};
    private static final String[] THEMES = {"重温入党誓词", "志愿服务进社区", "清洁家园环境整治", "走访慰问困难群众",
        "参观红色教育基地", "学习身边先进典型", "防汛安全隐患排查", "关爱留守儿童", "文明新风宣讲", "政策法规进万家",
        "义务植树", "垃圾分类宣传"};
    private static final String[] COMMITTEE_TOPICS = {"研究本月党员教育和党费收缴工作", "研究发展党员工作", "研究主题党日安排",
        "研究困难党员帮扶", "研究民主评议党员方案", "研究年度工作计划", "研究基层治理重点事项", "研究党员积分管理"};

    private final DSLContext db;
    private final OrgService orgs;
    private final MemberService members;
    private final TransactionTemplate tx;
    private final ZoneId zone;

    MeetingLivedYear(DSLContext db, OrgService orgs, MemberService members, TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.orgs = orgs;
        this.members = members;
        this.tx = tx;
        this.zone = clock.getZone();
    }

    @Override
    public String name() {
        return "meetings";
    }

    @Override
    public int order() {
        return 10;
    }

    /** {@inheritDoc} Meetings need the committees (hosts, recorders); they read the roster and write only meeting tables. */
    @Override
    public java.util.Set<String> runsAfter() {
        return java.util.Set.of("committees");
    }

    private record Planned(OrgNode branch, Set<MeetingType> types, String title, OffsetDateTime startsAt, int attendees,
                           String agenda) {
    }

    @Override
    public long generate(Region region) {
        List<OrgNode> branches = orgs.activeNodes().stream()
                .filter(n -> n.type().holdsMembers() && region.covers(n.path()))
                .sorted(java.util.Comparator.comparing(OrgNode::path)).toList();
        Map<Long, Double> diligence = region.diligence(branches.stream().map(OrgNode::id).toList());
        Map<Long, List<RosterLine>> roster = members.rosterLines(SYSTEM, region.rootPath()).stream()
                .collect(Collectors.groupingBy(RosterLine::orgId));
        long rows = 0;
        for (int from = 0; from < branches.size(); from += BRANCHES_PER_BATCH) {
            List<OrgNode> part = branches.subList(from, Math.min(branches.size(), from + BRANCHES_PER_BATCH));
            rows += tx.execute(s -> batch(region, part, diligence, roster));
        }
        return rows;
    }

    private long batch(Region region, List<OrgNode> branches, Map<Long, Double> diligence,
                       Map<Long, List<RosterLine>> roster) {
        OffsetDateTime now = region.today().atStartOfDay(zone).toOffsetDateTime();
        List<Planned> planned = new ArrayList<>();
        for (OrgNode b : branches) {
            List<RosterLine> people = roster.getOrDefault(b.id(), List.of());
            if (people.isEmpty()) {
                continue;
            }
            SplittableRandom r = region.random("meetings", b.id());
            double d = diligence.getOrDefault(b.id(), 0.95);
            int themeDay = new int[] {1, 5, 8, 10, 15, 18, 20}[r.nextInt(7)];
            YearMonth first = YearMonth.from(region.firstDay());
            for (int k = 0; k < region.months(); k++) {
                YearMonth ym = first.plusMonths(k);
                int month = ym.getMonthValue();
                if (r.nextDouble() < d) {
                    planned.add(new Planned(b, EnumSet.of(MeetingType.COMMITTEE),
                            month + "月支委会：" + COMMITTEE_TOPICS[r.nextInt(COMMITTEE_TOPICS.length)],
                            at(ym, 2 + r.nextInt(5), 9), Math.min(people.size(), 3 + r.nextInt(3)), "传达上级精神；"
                                    + COMMITTEE_TOPICS[r.nextInt(COMMITTEE_TOPICS.length)] + "；其他事项"));
                }
                if (r.nextDouble() < d) {
                    String theme = THEMES[(month + (int) (b.id() % 5)) % THEMES.length];
                    planned.add(new Planned(b, EnumSet.of(MeetingType.THEME_DAY), month + "月主题党日：" + theme,
                            at(ym, Math.min(themeDay, ym.lengthOfMonth()), 15), people.size(),
                            "交纳党费；" + theme + "；为本月过政治生日的党员送上祝福"));
                }
                if (b.hasChildren() && r.nextDouble() < d) {
                    planned.add(new Planned(b, EnumSet.of(MeetingType.GROUP), month + "月党小组会：学习讨论",
                            at(ym, 12 + r.nextInt(4), 19), Math.max(1, people.size() / 3), "集体学习；交流思想；收集群众意见"));
                }
                if (month % 3 == 2 && r.nextDouble() < d) {
                    String lecture = LECTURES[(month / 3 + (int) (b.id() % 4) * 3) % LECTURES.length];
                    boolean withLecture = r.nextDouble() < d + 0.05;
                    planned.add(new Planned(b, withLecture ? EnumSet.of(MeetingType.BRANCH_ASSEMBLY, MeetingType.PARTY_LECTURE)
                            : EnumSet.of(MeetingType.BRANCH_ASSEMBLY),
                            withLecture ? "第" + ((month - 1) / 3 + 1) + "季度党员大会暨党课：" + lecture
                                    : "第" + ((month - 1) / 3 + 1) + "季度支部党员大会",
                            at(ym, 20 + r.nextInt(5), 10), people.size(), "通报支部工作；" + (withLecture ? "书记讲党课《" + lecture + "》；" : "")
                                    + "讨论决定支部重要事项"));
                }
                // the year's 组织生活会 with 民主评议 and 谈心谈话 in December (ComplianceRules' calendar), and the
                // mid-year 专题组织生活会 in July, so every year the history touches has its yearly obligations
                if (month == 12 && (Region.model(d) || r.nextDouble() < Math.min(0.98, d + 0.08))) {
                    planned.add(new Planned(b, EnumSet.of(MeetingType.ORG_LIFE, MeetingType.EVALUATION, MeetingType.HEART_TALK),
                            ym.getYear() + "年度组织生活会暨民主评议党员", at(ym, 15 + r.nextInt(5), 14), people.size(),
                            "对照检查、批评与自我批评；民主评议党员；通报谈心谈话情况"));
                }
                if (month == 7 && (Region.model(d) || r.nextDouble() < Math.min(0.98, d + 0.08))) {
                    planned.add(new Planned(b, EnumSet.of(MeetingType.ORG_LIFE, MeetingType.HEART_TALK),
                            ym.getYear() + "年专题组织生活会", at(ym, 25 + r.nextInt(3), 14), people.size(),
                            "专题学习；查摆问题、批评与自我批评；开展谈心谈话"));
                }
            }
        }
        if (planned.isEmpty()) {
            return 0;
        }
        insertMeetings(planned, roster, now);
        // read back the ids: a branch never holds two meetings starting at the same instant
        List<Long> ids = branches.stream().map(OrgNode::id).toList();
        Map<String, Long> idOf = new HashMap<>();
        for (var rec : db.select(MEETING_MEETING.ID, MEETING_MEETING.ORG_ID, MEETING_MEETING.STARTS_AT).from(MEETING_MEETING)
                .where(MEETING_MEETING.ORG_ID.in(ids)).and(MEETING_MEETING.CREATED_BY.eq(BY)).fetch()) {
            idOf.put(rec.value2() + "@" + rec.value3().toInstant(), rec.value1());
        }
        List<Object[]> att = new ArrayList<>();
        LocalDate recent = region.today().minusMonths(1);
        for (Planned p : planned) {
            long meetingId = idOf.get(p.branch().id() + "@" + p.startsAt().toInstant());
            List<RosterLine> people = roster.get(p.branch().id());
            SplittableRandom r = region.random("attendance", meetingId);
            double d = diligence.getOrDefault(p.branch().id(), 0.95);
            int offset = p.attendees() >= people.size() ? 0 : r.nextInt(Math.max(1, people.size() - p.attendees() + 1));
            if (p.types().contains(MeetingType.COMMITTEE)) {
                offset = 0; // the committee: the first in roster order
            }
            for (int i = offset; i < Math.min(people.size(), offset + p.attendees()); i++) {
                RosterLine m = people.get(i);
                if (m.joinedOn() != null && m.joinedOn().isAfter(p.startsAt().toLocalDate())) {
                    continue;
                }
                double u = r.nextDouble();
                double present = 0.80 + 0.17 * d;
                AttendanceStatus st = u < present ? AttendanceStatus.PRESENT
                        : u < present + (1 - present) * 0.75 ? AttendanceStatus.LEAVE : AttendanceStatus.ABSENT;
                OffsetDateTime checkedIn = st == AttendanceStatus.PRESENT ? p.startsAt().plusMinutes(r.nextInt(25) - 20) : null;
                boolean makeup = st != AttendanceStatus.PRESENT;
                // make-up study (R6.3) done within the month, except by a few members for the most recent meetings
                OffsetDateTime makeupDone = makeup && (p.startsAt().toLocalDate().isBefore(recent) || r.nextDouble() < 0.6)
                        ? p.startsAt().plusDays(3 + r.nextInt(20)) : null;
                att.add(new Object[] {OrgPath.idAt(p.branch().path(), 1), p.branch().path(), meetingId, m.id(), m.name(),
                        m.joinedOn(), m.category() == MemberCategory.PROBATIONARY, false, st.name(),
                        st == AttendanceStatus.PRESENT ? null : st == AttendanceStatus.LEAVE ? LEAVE[r.nextInt(LEAVE.length)] : null,
                        checkedIn, makeup, makeupDone, makeupDone == null ? null : "已补学会议精神", 0});
            }
        }
        var a = MEETING_ATTENDANCE;
        List<Field<?>> fields = List.of(a.REGION_ORG_ID, a.ORG_PATH, a.MEETING_ID, a.MEMBER_ID, a.NAME, a.JOINED_ON,
                a.PROBATIONARY, a.NON_VOTING, a.STATUS, a.REASON, a.CHECKED_IN_AT, a.MAKEUP_DUE, a.MAKEUP_DONE_AT,
                a.MAKEUP_NOTE, a.VERSION);
        for (int i = 0; i < att.size(); i += 5_000) {
            BulkInsert.rows(db, a, fields, att.subList(i, Math.min(att.size(), i + 5_000)));
        }
        return planned.size() + att.size();
    }

    private void insertMeetings(List<Planned> planned, Map<Long, List<RosterLine>> roster, OffsetDateTime now) {
        var m = MEETING_MEETING;
        List<Field<?>> fields = List.of(m.REGION_ORG_ID, m.ORG_ID, m.ORG_PATH, m.ORG_NAME, m.TYPES, m.TITLE, m.STARTS_AT,
                m.ENDS_AT, m.PLACE, m.AGENDA, m.STATUS, m.CHECKIN_CODE, m.HOST, m.RECORDER, m.SPEECHES, m.DECISIONS,
                m.THEME_DUES_DONE, m.THEME_OATH_DONE, m.THEME_BIRTHDAYS_DONE, m.THEME_ACTIVITIES, m.LOCKED_AT, m.LOCKED_BY,
                m.CREATED_BY, m.VERSION, m.CREATED_AT, m.UPDATED_AT);
        List<Object[]> rows = new ArrayList<>(planned.size());
        for (Planned p : planned) {
            SplittableRandom r = new SplittableRandom(p.branch().id() * 31 + p.startsAt().toEpochSecond());
            boolean theme = p.types().contains(MeetingType.THEME_DAY);
            List<RosterLine> people = roster.get(p.branch().id());
            String host = people.getFirst().name();
            String recorder = people.get(Math.min(people.size() - 1, 1)).name();
            String types = p.types().stream().map(Enum::name).collect(Collectors.joining(","));
            rows.add(new Object[] {OrgPath.idAt(p.branch().path(), 1), p.branch().id(), p.branch().path(), p.branch().name(),
                    types, p.title(), p.startsAt(), p.startsAt().plusMinutes(90 + 30L * r.nextInt(3)),
                    r.nextInt(4) == 0 ? "党群服务中心会议室" : "党员活动室", p.agenda(), MeetingStatus.LOCKED.name(),
                    String.format("%06d", r.nextInt(1_000_000)), host, recorder,
                    "书记传达上级精神并领学；与会党员结合实际逐一发言，交流学习体会，提出意见建议。",
                    "会议议定：按议程分工落实，下次会议通报落实情况。", theme, theme, theme,
                    theme ? p.title().substring(p.title().indexOf('：') + 1) : null, p.startsAt().plusDays(1 + r.nextInt(3)),
                    BY, BY, 0, p.startsAt().minusDays(7), p.startsAt().plusDays(1)});
        }
        for (int i = 0; i < rows.size(); i += 2_000) {
            BulkInsert.rows(db, m, fields, rows.subList(i, Math.min(rows.size(), i + 2_000)));
        }
    }

    private OffsetDateTime at(YearMonth ym, int day, int hour) {
        return ym.atDay(Math.min(day, ym.lengthOfMonth())).atTime(hour, 0).atZone(zone).toOffsetDateTime();
    }
}
