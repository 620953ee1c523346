package io.zhibu.learning.internal;

import static io.zhibu.db.Tables.LEARNING_COMPLETION;
import static io.zhibu.db.Tables.LEARNING_HOURS;
import static io.zhibu.db.Tables.LEARNING_MATERIAL;
import static io.zhibu.db.Tables.LEARNING_MEMBER;

import io.zhibu.learning.LearningRecords.Audience;
import io.zhibu.learning.LearningRecords.BankForm;
import io.zhibu.learning.LearningRecords.HoursSource;
import io.zhibu.learning.LearningRecords.LevelForm;
import io.zhibu.learning.LearningRecords.MaterialForm;
import io.zhibu.learning.LearningRecords.MaterialKind;
import io.zhibu.learning.LearningRecords.MaterialSummary;
import io.zhibu.learning.MaterialService;
import io.zhibu.learning.QuizService;
import io.zhibu.learning.StudyRules;
import io.zhibu.member.MemberDirectory;
import io.zhibu.member.MemberStanding;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo learning content after the demo county is loaded (once): the county's study materials (articles on 党章,
 * 三会一课 and 党费, a PDF, a video link; two required this month), a bank of 60 Party-knowledge questions with three
 * levels, secretaries marked for the 56-hour requirement, and some study records (online and offline training).
 */
@Component
@Order(30)
class LearningDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(LearningDemoData.class);
    private final DSLContext db;
    private final MaterialService materials;
    private final QuizService quiz;
    private final OrgService orgs;
    private final MemberDirectory directory;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    LearningDemoData(DSLContext db, MaterialService materials, QuizService quiz, OrgService orgs,
                     MemberDirectory directory, TransactionTemplate tx, Clock clock,
                     @Value("${zhibu.demo.enabled:false}") boolean enabled) {
        this.db = db;
        this.materials = materials;
        this.quiz = quiz;
        this.orgs = orgs;
        this.directory = directory;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || db.fetchCount(LEARNING_MEMBER) == 0 || db.fetchCount(LEARNING_MATERIAL) > 0) {
            return;
        }
        long start = System.nanoTime();
        // the demo county: the top-level org above the members
        long countyId = db.select(DSL.min(LEARNING_MEMBER.REGION_ORG_ID)).from(LEARNING_MEMBER).fetchOne(0, Long.class);
        DataScope platform = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
        Organization county = orgs.get(platform, countyId);
        DataScope scope = new DataScope(0, "system", Role.ADMIN, county.id(), county.path(), county.regionOrgId(), null);
        String month = YearMonth.now(clock).toString();
        List<MaterialSummary> published = new ArrayList<>();
        published.add(article(scope, county, "《中国共产党章程》总纲导读", "党章学习", Audience.ALL, 15, month, """
                <h3>党的性质和宗旨</h3><p>中国共产党是中国工人阶级的先锋队，同时是中国人民和中华民族的先锋队。党的最高理想和最终目标是实现共产主义。</p>
                <p>党除了工人阶级和最广大人民群众的利益，没有自己特殊的利益。<strong>全心全意为人民服务</strong>是党的根本宗旨。</p>
                <h3>党员的条件</h3><p>年满十八岁、承认党的纲领和章程、愿意参加党的一个组织并在其中积极工作、执行党的决议和按期交纳党费的，可以申请加入中国共产党。预备期为一年，党龄从预备期满转为正式党员之日算起。</p>
                <h3>党的纪律</h3><ul><li>警告、严重警告</li><li>撤销党内职务</li><li>留党察看</li><li>开除党籍</li></ul>"""));
        published.add(article(scope, county, "“三会一课”制度要点", "组织生活", Audience.ALL, 10, month, """
                <p>“三会一课”是党的组织生活的基本制度：</p>
                <ul><li><strong>支部党员大会</strong>：一般每季度召开一次；</li><li><strong>支部委员会会议</strong>：一般每月召开一次，根据需要随时召开；</li>
                <li><strong>党小组会</strong>：一般每月召开一次；</li><li><strong>党课</strong>：一般每季度至少一次，支部书记每年至少讲一次党课。</li></ul>
                <p>每月相对固定一天开展<strong>主题党日</strong>；组织生活会每年至少召开一次，会前开展谈心谈话。无故缺席的党员要及时补学。</p>"""));
        published.add(article(scope, county, "党费收缴、使用和管理规定要点", "党费", Audience.ALL, 12, null, """
                <p>在职党员以每月工资收入（税后）为基数：3000元以下（含）交纳0.5%；3000元以上至5000元（含）交纳1%；5000元以上至10000元（含）交纳1.5%；10000元以上交纳2%。</p>
                <p>离退休党员以实际领取的离退休费总额为基数，5000元以下（含）交纳0.5%，5000元以上交纳1%。农民党员每月交纳0.2元至1元；学生党员、下岗失业党员等每月交纳0.2元。</p>
                <p>党员应当按月交纳党费，补交和预交一般不超过6个月；一次性自愿多交纳1000元以上的，全部上缴中央。党支部每年至少公布一次党费收缴情况。</p>"""));
        published.add(article(scope, county, "支部书记履职要点", "支部建设", Audience.CADRES, 20, null, """
                <p>支部书记和支部委员每年集中学习培训不少于56学时，至少参加1次集中培训；每年至少参加1次县级以上党委组织的轮训。</p>
                <p>书记要带头讲党课，按时组织“三会一课”和主题党日，做好会议记录，记录锁定后只追加更正说明。</p>"""));
        published.add(materials.publish(scope, new MaterialForm(county.id(), MaterialKind.PDF, "党员教育培训学时登记办法",
                "学习制度", Audience.ALL, 8, null, null, null), "study-hours.pdf", pdf()));
        published.add(materials.publish(scope, new MaterialForm(county.id(), MaterialKind.VIDEO, "共产党员网 · 微党课",
                "微党课", Audience.ALL, 15, null, "https://www.12371.cn/", null), null, null));
        importBank(scope, county);
        tx.executeWithoutResult(s -> {
            markSecretaries(scope, county);
            studyRecords(published.get(0), published.get(2));
        });
        log.info("Demo learning: {} materials, 60 questions in 3 levels, study records in {} ms", published.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private MaterialSummary article(DataScope scope, Organization org, String title, String topic, Audience audience,
                                    int minutes, String period, String html) {
        return materials.publish(scope, new MaterialForm(org.id(), MaterialKind.ARTICLE, title, topic, audience, minutes,
                html, null, period), null, null);
    }

    private void importBank(DataScope scope, Organization county) {
        var bank = quiz.createBank(scope, new BankForm(county.id(), "党的基本知识题库"));
        try (InputStream in = LearningDemoData.class.getResourceAsStream("/learning/demo-questions.csv")) {
            quiz.importQuestions(scope, bank.id(), "demo-questions.csv", in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        quiz.setLevel(scope, bank.id(), new LevelForm(1, 5, 4, 30));
        quiz.setLevel(scope, bank.id(), new LevelForm(2, 8, 6, 25));
        quiz.setLevel(scope, bank.id(), new LevelForm(3, 10, 9, 20));
    }

    /** R7.1: each branch's secretary (by the name the org records) has the 56-hour requirement. */
    private void markSecretaries(DataScope scope, Organization county) {
        List<Organization> branches = orgs.activeIn(scope, county.id(),
                List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH));
        List<Long> cadres = new ArrayList<>();
        for (int i = 0; i < branches.size(); i += 200) {
            List<Organization> chunk = branches.subList(i, Math.min(branches.size(), i + 200));
            Map<Long, String> secretary = new java.util.HashMap<>();
            chunk.stream().filter(o -> o.secretaryName() != null).forEach(o -> secretary.put(o.id(), o.secretaryName()));
            var members = db.select(LEARNING_MEMBER.MEMBER_ID, LEARNING_MEMBER.ORG_ID).from(LEARNING_MEMBER)
                    .where(LEARNING_MEMBER.ORG_ID.in(secretary.keySet())).fetch();
            Map<Long, String> names = directory.namesOf(scope, members.map(r -> r.value1()));
            for (var r : members) {
                if (secretary.get(r.value2()).equals(names.get(r.value1()))) {
                    cadres.add(r.value1());
                }
            }
        }
        if (!cadres.isEmpty()) {
            db.update(LEARNING_MEMBER).set(LEARNING_MEMBER.CADRE, true).where(LEARNING_MEMBER.MEMBER_ID.in(cadres)).execute();
        }
    }

    /** Two thirds of the members read the 党章 guide and two thirds the dues rules; every fifth member and every secretary took the county rotation. */
    private void studyRecords(MaterialSummary charter, MaterialSummary dues) {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Object[][] plan = {{charter, 3, 1, today.minusDays(3)}, {dues, 3, 0, today.minusDays(1)}};
        for (Object[] p : plan) {
            MaterialSummary m = (MaterialSummary) p[0];
            var who = LEARNING_MEMBER.MEMBER_ID.mod((int) p[1]).ne((long) (int) p[2]).and(LEARNING_MEMBER.STANDING.eq(MemberStanding.NORMAL));
            LocalDate day = (LocalDate) p[3];
            db.insertInto(LEARNING_COMPLETION, LEARNING_COMPLETION.REGION_ORG_ID, LEARNING_COMPLETION.ORG_PATH,
                            LEARNING_COMPLETION.MEMBER_ID, LEARNING_COMPLETION.MATERIAL_ID, LEARNING_COMPLETION.STUDY_DATE,
                            LEARNING_COMPLETION.DWELL_SECONDS, LEARNING_COMPLETION.MINUTES, LEARNING_COMPLETION.CREATED_AT)
                    .select(db.select(LEARNING_MEMBER.REGION_ORG_ID, LEARNING_MEMBER.ORG_PATH, LEARNING_MEMBER.MEMBER_ID,
                            DSL.val(m.id()), DSL.val(day), DSL.val(m.minutes() * 60), DSL.val(m.minutes()), DSL.val(now))
                            .from(LEARNING_MEMBER).where(who))
                    .execute();
            db.insertInto(LEARNING_HOURS, LEARNING_HOURS.REGION_ORG_ID, LEARNING_HOURS.ORG_PATH, LEARNING_HOURS.MEMBER_ID,
                            LEARNING_HOURS.STUDY_YEAR, LEARNING_HOURS.SOURCE, LEARNING_HOURS.SOURCE_REF, LEARNING_HOURS.HOURS,
                            LEARNING_HOURS.ON_DATE, LEARNING_HOURS.TITLE, LEARNING_HOURS.CREATED_BY, LEARNING_HOURS.CREATED_AT)
                    .select(db.select(LEARNING_MEMBER.REGION_ORG_ID, LEARNING_MEMBER.ORG_PATH, LEARNING_MEMBER.MEMBER_ID,
                            DSL.val(day.getYear()), DSL.val(HoursSource.ONLINE, LEARNING_HOURS.SOURCE), DSL.val("M" + m.id()),
                            DSL.val(StudyRules.hoursOfMinutes(m.minutes())), DSL.val(day), DSL.val(m.title()),
                            DSL.val("demo"), DSL.val(now))
                            .from(LEARNING_MEMBER).where(who))
                    .execute();
        }
        LocalDate course = today.getDayOfYear() > 60 ? today.minusDays(45) : today.withDayOfYear(1);
        db.insertInto(LEARNING_HOURS, LEARNING_HOURS.REGION_ORG_ID, LEARNING_HOURS.ORG_PATH, LEARNING_HOURS.MEMBER_ID,
                        LEARNING_HOURS.STUDY_YEAR, LEARNING_HOURS.SOURCE, LEARNING_HOURS.SOURCE_REF, LEARNING_HOURS.HOURS,
                        LEARNING_HOURS.ON_DATE, LEARNING_HOURS.TITLE, LEARNING_HOURS.EVIDENCE, LEARNING_HOURS.CREATED_BY,
                        LEARNING_HOURS.CREATED_AT)
                .select(db.select(LEARNING_MEMBER.REGION_ORG_ID, LEARNING_MEMBER.ORG_PATH, LEARNING_MEMBER.MEMBER_ID,
                        DSL.val(course.getYear()), DSL.val(HoursSource.OFFLINE, LEARNING_HOURS.SOURCE), DSL.val("demo-rotation"),
                        DSL.val(new BigDecimal("16.00")), DSL.val(course), DSL.val("县委党校党员集中轮训（两天）"),
                        DSL.val("结业证书（演示数据）"), DSL.val("demo"), DSL.val(now))
                        .from(LEARNING_MEMBER).where(LEARNING_MEMBER.MEMBER_ID.mod(5).eq(0L).or(LEARNING_MEMBER.CADRE.isTrue())))
                .execute();
    }

    /** A one-page PDF (Latin text) so that the document reader has a real file. */
    static byte[] pdf() {
        String text = "Zhibu demo: study hours (R7.3) - 1 hour = 1 credit, half day = 4, full day = 8.";
        String stream = "BT /F1 12 Tf 40 780 Td (" + text + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            pdf.append(String.format("%010d 00000 n \n", o));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
