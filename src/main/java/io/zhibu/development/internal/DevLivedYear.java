package io.zhibu.development.internal;

import static io.zhibu.db.Tables.DEV_PERSON;
import static io.zhibu.db.Tables.DEV_STEP;

import io.zhibu.development.Decision;
import io.zhibu.development.DevState;
import io.zhibu.development.DevStep;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberService;
import io.zhibu.member.RosterLine;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.IdCardNumber;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.db.BulkInsert;
import io.zhibu.shared.demo.LivedYear;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People in member development (rules.md §2) for the demo county or a generated city, in the development module's own
 * tables: 0–4 open files per branch spread over the five stages (申请入党, 积极分子, 发展对象, 接收预备党员, 预备期), each
 * with every step of its way done in order and with the time rules kept (R2.12: the talk within a month, a development
 * target after a year as an activist, the branch meeting within a month of the pre-review, the approval within three
 * months, the oath within a month, conversion after the probation year, R2.8). About one in ten is behind with
 * its next step, so the deadline rule has work. ID numbers are valid (R9.1), adults at application (R2.1), sealed as
 * the module seals them.
 */
@Component
class DevLivedYear implements LivedYear {
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private static final String BY = "demo-year";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "高", "林", "郑", "梁", "宋", "韩", "冯", "程", "田", "范", "牛", "常", "贾"};
    private static final String[] GIVEN = {"浩然", "子涵", "欣怡", "宇轩", "思远", "雨桐", "俊杰", "佳琪", "博文", "梦瑶",
        "晨阳", "雅静", "志强", "丽娜", "嘉豪", "晓雯", "天佑", "婉婷", "明轩", "诗涵", "建华", "海燕", "鹏飞", "秀英"};
    /** Days after the application on which each step (index = step number) is done along a typical way (see class). */
    private static final int[] DAY = new int[26];

    static {
        int[] d = DAY;
        d[1] = 0;
        d[2] = 20;            // talk ≤ 1 month (art.7)
        d[3] = 95;            // activist
        d[4] = d[3] + 7;
        d[5] = d[3] + 10;
        d[6] = d[3] + 185;    // half-year review
        d[7] = d[3] + 380;    // ≥ 1 year as activist (art.13)
        d[8] = d[7] + 7;
        d[9] = d[7] + 10;
        d[10] = d[7] + 30;
        d[11] = d[7] + 60;    // training ≥ 3 days / 24 h
        d[12] = d[11] + 10;
        d[13] = d[11] + 20;
        d[14] = d[13] + 7;
        d[15] = d[13] + 25;   // branch meeting ≤ 1 month after the pre-review
        d[16] = d[15] + 20;
        d[17] = d[15] + 60;   // approval ≤ 3 months (art.25)
        d[18] = d[17] + 7;
        d[19] = d[17] + 10;
        d[20] = d[17] + 20;   // oath ≤ 1 month
        d[21] = d[15] + 185;  // probation review
        d[22] = d[15] + 355;
        d[23] = d[15] + 372;  // conversion after the probation year (R2.8)
        d[24] = d[23] + 45;   // conversion approval ≤ 3 months (art.33)
        d[25] = d[24] + 10;
    }

    /** The last step done of a file in each stage (weights: stage 1 … 5). */
    private static final int[][] LAST_STEPS = {{1, 2}, {3, 4, 5, 6}, {7, 8, 9, 10, 11}, {12, 13, 14, 15, 16, 17, 18},
        {19, 20, 21, 22, 23}};
    private static final double[] STAGE_WEIGHTS = {0.25, 0.30, 0.17, 0.10, 0.18};

    private final DevelopmentRepository repo;
    private final org.jooq.DSLContext db;
    private final OrgService orgs;
    private final MemberService members;
    private final TransactionTemplate tx;

    DevLivedYear(DevelopmentRepository repo, org.jooq.DSLContext db, OrgService orgs, MemberService members,
                 TransactionTemplate tx) {
        this.repo = repo;
        this.db = db;
        this.orgs = orgs;
        this.members = members;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "development";
    }

    @Override
    public int order() {
        return 30;
    }

    private record Person(OrgNode branch, String key, String name, IdCardNumber id, LocalDate applied, int last,
                          List<RosterLine> roster) {
    }

    @Override
    public long generate(Region region) {
        List<OrgNode> branches = orgs.activeNodes().stream()
                .filter(n -> n.type().holdsMembers() && region.covers(n.path()))
                .sorted(java.util.Comparator.comparing(OrgNode::path)).toList();
        Map<Long, List<RosterLine>> roster = members.rosterLines(SYSTEM, region.rootPath()).stream()
                .filter(m -> m.category() == MemberCategory.FULL).collect(Collectors.groupingBy(RosterLine::orgId));
        LocalDate today = region.today();
        // Applicants' ID numbers carry the region's own area code, so two regions in one database (the city
        // generator and the demo county) never hand out the same number (the open-pipeline key is unique).
        String area = java.util.Optional.ofNullable(orgs.get(SYSTEM, region.rootId()).regionCode())
                .filter(c -> c.matches("\\d{6}")).orElse("410821");
        Map<Long, Double> diligence = region.diligence(branches.stream().map(OrgNode::id).toList());
        List<Person> people = new ArrayList<>();
        int stageCursor = 0;
        for (OrgNode b : branches) {
            List<RosterLine> full = roster.getOrDefault(b.id(), List.of());
            if (full.size() < 3) {
                continue;
            }
            SplittableRandom r = region.random("development", b.id());
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                // the first five files take one stage each, so that even a small region has all five
                int stage = stageCursor < 5 ? stageCursor++ : pick(r.nextDouble());
                int[] steps = LAST_STEPS[stage];
                int last = steps[r.nextInt(steps.length)];
                boolean behind = r.nextInt(10) == 0 && !Region.model(diligence.getOrDefault(b.id(), 0.95));
                LocalDate lastOn = today.minusDays(behind ? 60 + r.nextInt(60) : 3 + r.nextInt(25));
                LocalDate applied = lastOn.minusDays(DAY[last]);
                int age = 19 + r.nextInt(22);
                LocalDate birth = applied.minusYears(age).minusDays(r.nextInt(360));
                boolean male = r.nextInt(100) < 62;
                String first17 = area + birth.toString().replace("-", "")
                        + String.format("%02d", r.nextInt(100)) + (male ? 1 + 2 * r.nextInt(5) : 2 * r.nextInt(5));
                IdCardNumber id = IdCardNumber.parse(first17 + IdCardNumber.checkChar(first17), "idNumber", today);
                String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
                people.add(new Person(b, "demo-year-" + region.seed() + "-" + b.id() + "-" + i, name, id, applied, last, full));
            }
        }
        return tx.execute(s -> write(people, today));
    }

    private static int pick(double u) {
        double acc = 0;
        for (int i = 0; i < STAGE_WEIGHTS.length; i++) {
            acc += STAGE_WEIGHTS[i];
            if (u < acc) {
                return i;
            }
        }
        return STAGE_WEIGHTS.length - 1;
    }

    private long write(List<Person> people, LocalDate today) {
        var p = DEV_PERSON;
        OffsetDateTime now = today.atStartOfDay().atOffset(ZoneOffset.ofHours(8));
        List<Field<?>> pf = List.of(p.REGION_ORG_ID, p.ORG_ID, p.ORG_PATH, p.NAME, p.GENDER, p.ETHNICITY, p.BIRTH_DATE,
                p.ID_NUMBER_ENC, p.ID_NUMBER_BIDX, p.ID_NUMBER_MASKED, p.APPLIED_ON, p.STATE, p.IN_PIPELINE, p.PIPELINE_KEY,
                p.LAST_STEP, p.LAST_STEP_ON, p.CONVERSION_ROUND, p.EXTENSION_MONTHS, p.VERSION, p.CREATED_AT, p.UPDATED_AT);
        List<Object[]> rows = new ArrayList<>();
        Map<String, Person> byBidx = new HashMap<>();
        for (Person x : people) {
            String bidx = repo.idIndex(x.id().value());
            if (byBidx.putIfAbsent(bidx, x) != null) {
                continue; // one open file per person
            }
            DevState state = DevState.afterStep(x.last(), DevState.APPLICANT);
            rows.add(new Object[] {OrgPath.idAt(x.branch().path(), 1), x.branch().id(), x.branch().path(), x.name(),
                    x.id().gender().code(), "01", x.id().birthDate(), repo.encrypt(x.id().value()), bidx, x.id().masked(),
                    x.applied(), state.name(), true, bidx, x.last(), x.applied().plusDays(DAY[x.last()]), 1, 0, 0,
                    now, now});
        }
        BulkInsert.rows(db, p, pf, rows);
        Map<String, Long> ids = new HashMap<>();
        for (var r : db.select(p.ID, p.PIPELINE_KEY).from(p).where(p.PIPELINE_KEY.in(byBidx.keySet())).fetch()) {
            ids.put(r.value2(), r.value1());
        }
        var s = DEV_STEP;
        List<Field<?>> sf = List.of(s.PERSON_ID, s.REGION_ORG_ID, s.ORG_PATH, s.STEP_NO, s.ROUND, s.DONE_ON, s.PEOPLE,
                s.MEMBER_IDS, s.DECISION, s.VOTES_DUE, s.VOTES_PRESENT, s.VOTES_YES, s.VOTES_WRITTEN_YES, s.VOTES_NO,
                s.VOTES_ABSTAIN, s.BALLOT, s.NOTICE_FROM, s.NOTICE_TO, s.NOTICE_PROVISIONAL, s.TRAINING_DAYS,
                s.TRAINING_HOURS, s.DOCUMENT_NO, s.ATTACHMENTS, s.CREATED_BY, s.CREATED_AT);
        List<Object[]> steps = new ArrayList<>();
        for (var e : byBidx.entrySet()) {
            Person x = e.getValue();
            long personId = ids.get(e.getKey());
            List<RosterLine> full = x.roster();
            int h = Math.floorMod(x.key().hashCode(), full.size());
            String two = full.get(h).id() + "," + full.get((h + 1) % full.size()).id();
            int due = full.size();
            int present = Math.max(due / 2 + 1, due - 1 - Math.floorMod(h, 3));
            for (int no = 1; no <= x.last(); no++) {
                LocalDate on = x.applied().plusDays(DAY[no]);
                DevStep step = DevStep.values()[no - 1];
                boolean votes = no == 15 || no == 23;
                steps.add(new Object[] {personId, OrgPath.idAt(x.branch().path(), 1), x.branch().path(), no, 1, on,
                        no == 2 || no == 16 ? full.get(h).name() : null,
                        no == 5 || no == 9 ? two : null,
                        no == 10 || no == 13 ? Decision.QUALIFIED.name() : no == 17 ? Decision.APPROVED.name()
                                : no == 23 ? Decision.CONVERT.name() : null,
                        votes ? due : null, votes ? present : null, votes ? present - 1 : null, votes ? 0 : null,
                        votes ? 1 : null, votes ? 0 : null, votes ? "SHOW_OF_HANDS" : null,
                        no == 7 ? on.minusDays(7) : null, no == 7 ? on.minusDays(1) : null, no == 7 ? false : null,
                        no == 11 ? 3 : null, no == 11 ? 24 : null, no == 14 ? "XW" + on.getYear() + "-" + personId : null,
                        step.needs(DevStep.Input.ATTACHMENTS) ? attachment(no) : null, BY, now});
            }
        }
        for (int i = 0; i < steps.size(); i += 5_000) {
            BulkInsert.rows(db, s, sf, steps.subList(i, Math.min(steps.size(), i + 5_000)));
        }
        return rows.size() + steps.size();
    }

    private static String attachment(int step) {
        return switch (step) {
            case 1 -> "入党申请书";
            case 3, 7 -> "支委会会议记录";
            case 6 -> "培养考察登记表";
            case 10 -> "政治审查报告";
            case 11 -> "培训结业证书";
            case 15, 23 -> "支部党员大会决议";
            case 22 -> "转正申请书";
            default -> "备案材料";
        };
    }
}
