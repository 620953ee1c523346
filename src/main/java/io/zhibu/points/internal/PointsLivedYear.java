package io.zhibu.points.internal;

import io.zhibu.shared.Sha256;
import io.zhibu.db.tables.records.PointsActivityPhotoRecord;
import io.zhibu.db.tables.records.PointsActivityRecord;
import io.zhibu.db.tables.records.PointsEntryRecord;
import io.zhibu.db.tables.records.PointsMemberRecord;
import io.zhibu.shared.files.FileStore;
import io.zhibu.meeting.RecordedAttendance;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointRules;
import io.zhibu.points.PointsService;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.demo.LivedYear;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The points side of a lived year (issue 16 point 8), after the meetings: (1) the recorded attendance of the
 * region's locked meetings — written set-based by the meetings' lived year, so no attendance event was published —
 * posted as the same facts the event listener posts ({@code meeting:<id>:member:<id>:present}/{@code :absent}, §8.4
 * MEETING_ATTENDED / MEETING_ABSENT with their caps), skipping facts already posted; (2) the branches' activity feed
 * (支部活动) over the year, a share of the activities with photos (small PNGs drawn in memory, deterministic, stored
 * through the meeting module's {@link FileStore} like uploaded photos). Then the points rollups of the years touched.
 */
@Component
class PointsLivedYear implements LivedYear {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PointsLivedYear.class);
    static final String BY = "demo-year";
    private static final String[][] ACTIVITIES = {
        {"主题党日：重温入党誓词", "全体党员在党员活动室面向党旗重温入党誓词，书记领学党章。"},
        {"志愿服务进社区", "支部党员走进社区，为老人义诊、理发，发放政策宣传资料。"},
        {"清洁家园环境整治", "党员带头清理房前屋后和村道沿线垃圾，群众纷纷参与。"},
        {"走访慰问困难群众", "支委带队走访困难党员和群众，送去慰问品，了解实际困难。"},
        {"参观红色教育基地", "组织党员参观革命纪念馆，接受革命传统教育。"},
        {"义务植树", "党员在村口荒坡义务植树，共植下苗木一百余株。"},
        {"防汛安全隐患排查", "党员先锋队沿河巡查，排查安全隐患，劝离危险区域群众。"},
        {"关爱留守儿童", "党员结对帮扶留守儿童，送去学习用品，辅导功课。"},
        {"政策法规进万家", "党员入户宣讲惠民政策和法律知识，解答群众疑问。"},
        {"垃圾分类宣传", "支部在广场设点宣传垃圾分类知识，发放宣传册。"}};
    private static final int PHOTO_SCENES = 10;
    /** Photos stop here for a large generated region (a city): the feed needs examples, not a photo per activity. */
    private static final int MAX_PHOTO_ACTIVITIES = 1_500;

    private final ActivityRepository activityRepo;
    private final PointsRepository repo;
    private final PointsService points;
    private final RecordedAttendance attendance;
    private final FileStore files;
    private final io.zhibu.org.OrgService orgs;
    private final TransactionTemplate tx;
    private final Clock clock;

    PointsLivedYear(ActivityRepository activityRepo, PointsRepository repo, PointsService points, RecordedAttendance attendance, FileStore files,
                    io.zhibu.org.OrgService orgs, TransactionTemplate tx, Clock clock) {
        this.activityRepo = activityRepo;
        this.repo = repo;
        this.points = points;
        this.attendance = attendance;
        this.files = files;
        this.orgs = orgs;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "points and activities";
    }

    @Override
    public int order() {
        return 35;
    }

    /** {@inheritDoc} Points post the recorded attendance of the meetings' year; they write only points tables (and activity photos). */
    @Override
    public java.util.Set<String> runsAfter() {
        return java.util.Set.of("meetings");
    }

    @Override
    public long generate(Region region) {
        long t0 = System.nanoTime();
        Set<Integer> years = new TreeSet<>(List.of(region.firstDay().getYear(), region.today().getYear()));
        int opened = 0;
        for (int y : years) {
            // every member has the year's row before the postings' totals are added to it (one INSERT … SELECT)
            Integer n = tx.execute(s -> repo.openYearForAll(y));
            opened += n == null ? 0 : n;
        }
        long t1 = System.nanoTime();
        long rows = postRecordedAttendance(region.rootPath());
        tx.executeWithoutResult(s -> repo.refreshStatistics());
        long t2 = System.nanoTime();
        rows += activities(region);
        log.info("Lived year points: {} member years opened in {} ms, {} attendance postings with their totals in {} ms, "
                        + "activities in {} ms", opened, (t1 - t0) / 1_000_000, rows, (t2 - t1) / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
        return rows;
    }

    /**
     * Posts the recorded attendance of the locked meetings under {@code rootPath} that has no posting yet, under the
     * listener's fact keys, with the items' caps (§8.4: attendance +2, at most 30 a year; absence −3). Idempotent:
     * a second call posts nothing. Returns the postings written.
     */
    int postRecordedAttendance(String rootPath) {
        // one pass over a county-sized region: per-branch queries scan the attendance table once per branch (90 s on
        // H2); a city goes by its parts (its counties), so that a part's facts, postings and caps fit in memory
        List<PointsMemberRecord> all = repo.membersUnder(rootPath);
        if (all.size() <= PART_MEMBERS) {
            return postUnder(rootPath, all);
        }
        int depth = OrgPath.depth(rootPath) + 1;
        Map<String, List<PointsMemberRecord>> parts = new TreeMap<>();
        for (PointsMemberRecord m : all) {
            String part = OrgPath.depth(m.getOrgPath()) < depth ? m.getOrgPath() : m.getOrgPath().substring(0, depth * OrgPath.SEGMENT);
            parts.computeIfAbsent(part, k -> new ArrayList<>()).add(m);
        }
        all = null;
        int written = 0;
        for (var part : parts.entrySet()) {
            // a member directly in the root's own org (none in a generated region) is posted with the root's pass
            written += part.getKey().equals(rootPath) ? 0 : postRecordedAttendance(part.getKey());
        }
        if (parts.containsKey(rootPath)) {
            log.warn("Lived year points: {} members directly in the region's root were not posted", parts.get(rootPath).size());
        }
        return written;
    }

    /** Members per pass of {@link #postRecordedAttendance}: a county (10,000) in one pass, a city by its counties. */
    static final int PART_MEMBERS = 40_000;

    private int postUnder(String rootPath, List<PointsMemberRecord> under) {
        Integer written = tx.execute(s -> {
            List<RecordedAttendance.Fact> facts = attendance.lockedUnder(rootPath);
            if (facts.isEmpty()) {
                return 0;
            }
            Map<Long, PointsMemberRecord> members = new HashMap<>();
            for (PointsMemberRecord m : under) {
                members.put(m.getMemberId(), m);
            }
            Set<String> posted = repo.factKeys(rootPath, "meeting:");
            PointRules rules = points.pointRules();
            Map<String, Integer> usedYear = new HashMap<>();
            Map<String, Integer> usedDay = new HashMap<>();
            Map<String, Integer> autoDay = new HashMap<>();
            for (Record r : repo.usageUnder(rootPath, List.of(PointItem.MEETING_ATTENDED, PointItem.MEETING_ABSENT))) {
                long member = r.get(io.zhibu.db.Tables.POINTS_ENTRY.MEMBER_ID);
                PointItem item = r.get(io.zhibu.db.Tables.POINTS_ENTRY.ITEM);
                LocalDate d = r.get(io.zhibu.db.Tables.POINTS_ENTRY.FACT_DATE);
                int p = r.get("points", Integer.class);
                usedYear.merge(member + "|" + d.getYear() + "|" + item, p, Integer::sum);
                usedDay.merge(member + "|" + d + "|" + item, p, Integer::sum);
                if (p > 0) {
                    autoDay.merge(member + "|" + d, p, Integer::sum);
                }
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<PointsEntryRecord> batch = new ArrayList<>();
            Map<Integer, Map<Long, PointsRepository.Delta>> perMember = new TreeMap<>();
            Map<Integer, Map<String, PointsRepository.Delta>> perOrg = new TreeMap<>();
            for (RecordedAttendance.Fact f : facts) {
                PointsMemberRecord m = members.get(f.memberId());
                String key = f.present() ? PointsFactListener.attendedKey(f.meetingId(), f.memberId())
                        : PointsFactListener.absentKey(f.meetingId(), f.memberId());
                if (m == null || !posted.add(key)) {
                    continue;
                }
                PointItem item = f.present() ? PointItem.MEETING_ATTENDED : PointItem.MEETING_ABSENT;
                String yearKey = f.memberId() + "|" + f.date().getYear() + "|" + item;
                String dayKey = f.memberId() + "|" + f.date() + "|" + item;
                String autoKey = f.memberId() + "|" + f.date();
                int requested = rules.rule(item).points();
                int awarded = rules.award(item, requested, new PointRules.Used(usedDay.getOrDefault(dayKey, 0),
                        usedYear.getOrDefault(yearKey, 0), autoDay.getOrDefault(autoKey, 0)));
                usedYear.merge(yearKey, awarded, Integer::sum);
                usedDay.merge(dayKey, awarded, Integer::sum);
                if (awarded > 0) {
                    autoDay.merge(autoKey, awarded, Integer::sum);
                }
                PointsEntryRecord e = new PointsEntryRecord();
                e.setRegionOrgId(m.getRegionOrgId());
                e.setMemberId(f.memberId());
                e.setOrgPath(m.getOrgPath());
                e.setPointsYear(f.date().getYear());
                e.setFactDate(f.date());
                e.setItem(item);
                e.setFactKey(key);
                e.setFactSeq(0);
                e.setRequested(requested);
                e.setPoints(awarded);
                e.setStudyMinutes(0);
                e.setQuizScore(BigDecimal.ZERO);
                e.setLinkType("meeting");
                e.setLinkId(String.valueOf(f.meetingId()));
                e.setCreatedBy("system");
                e.setCreatedAt(now);
                batch.add(e);
                int year = f.date().getYear();
                perMember.computeIfAbsent(year, k -> new HashMap<>()).computeIfAbsent(f.memberId(),
                        k -> new PointsRepository.Delta()).add(awarded, 0, BigDecimal.ZERO);
                perOrg.computeIfAbsent(year, k -> new HashMap<>()).computeIfAbsent(m.getOrgPath(),
                        k -> new PointsRepository.Delta()).add(awarded, 0, BigDecimal.ZERO);
            }
            facts = null;
            int n = repo.insertEntries(batch);
            // the totals as the listener's postings would have left them: each member's year and each org's own and
            // subtree totals changed once (the years are open), not a rebuild of the whole year from the ledger
            for (var y : perMember.entrySet()) {
                repo.openYear(y.getValue().keySet(), y.getKey());
                repo.applyDeltas(y.getKey(), y.getValue(), perOrg.get(y.getKey()));
            }
            return n;
        });
        return written == null ? 0 : written;
    }

    /** Two to four activities per branch over the year; the first and two in three of the others with one or two photos. */
    private long activities(Region region) {
        List<PointsMemberRecord> members = repo.membersUnder(region.rootPath());
        TreeMap<Long, PointsMemberRecord> branches = new TreeMap<>();
        for (PointsMemberRecord m : members) {
            branches.putIfAbsent(m.getOrgId(), m);
        }
        if (branches.isEmpty()) {
            return 0;
        }
        Map<Long, String> names = orgs.namesOf(branches.keySet());
        List<byte[]> scenes = new ArrayList<>();
        for (int i = 0; i < PHOTO_SCENES; i++) {
            scenes.add(photo(region.seed() * 31 + i));
        }
        int photoActivities = 0;
        long rows = 0;
        List<PointsActivityPhotoRecord> photos = new ArrayList<>();
        List<PointsActivityRecord> feed = new ArrayList<>();
        List<PointsActivityPhotoRecord> pending = new ArrayList<>();
        List<byte[]> pendingBytes = new ArrayList<>();
        for (var b : branches.values()) {
            SplittableRandom r = region.random("activity", b.getOrgId());
            int n = 2 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                String[] text = ACTIVITIES[r.nextInt(ACTIVITIES.length)];
                LocalDate day = region.firstDay().plusDays(r.nextInt(Math.max(1, region.months() * 30)));
                if (!day.isBefore(region.today())) {
                    day = region.today().minusDays(1 + r.nextInt(20));
                }
                OffsetDateTime at = day.atTime(15 + r.nextInt(3), r.nextInt(60)).atZone(clock.getZone()).toOffsetDateTime();
                PointsActivityRecord a = new PointsActivityRecord();
                a.setRegionOrgId(b.getRegionOrgId());
                a.setOrgId(b.getOrgId());
                a.setOrgPath(branchPath(b));
                a.setOrgName(names.getOrDefault(b.getOrgId(), ""));
                a.setTitle(text[0]);
                a.setBody(text[1]);
                a.setPublicTitle(text[0]);
                a.setPublicBody(text[1]);
                a.setLikes(r.nextInt(12));
                a.setCreatedBy(BY);
                a.setCreatedAt(at);
                feed.add(a);
                rows++;
                if ((k > 0 && r.nextInt(3) == 0) || photoActivities >= MAX_PHOTO_ACTIVITIES) {
                    continue;
                }
                photoActivities++;
                int count = 1 + r.nextInt(2);
                for (int p = 0; p < count; p++) {
                    byte[] bytes = scenes.get(r.nextInt(scenes.size()));
                    PointsActivityPhotoRecord ph = new PointsActivityPhotoRecord();
                    ph.setContentType("image/png");
                    ph.setSizeBytes((long) bytes.length);
                    ph.setSha256(Sha256.hex(bytes));
                    ph.setCreatedAt(at);
                    ph.setStorageKey("demo-" + p); // completed with the activity id once stored
                    ph.setActivityId((long) feed.size() - 1); // index into feed until then
                    pending.add(ph);
                    pendingBytes.add(bytes);
                }
            }
        }
        // one transaction for the region's feed (a transaction per activity cost a commit each on H2)
        tx.executeWithoutResult(s -> {
            for (PointsActivityRecord a : feed) {
                activityRepo.insert(a);
            }
            for (int i = 0; i < pending.size(); i++) {
                PointsActivityPhotoRecord ph = pending.get(i);
                PointsActivityRecord a = feed.get(ph.getActivityId().intValue());
                String key = "activities/" + a.getRegionOrgId() + "/" + a.getId() + "/" + ph.getStorageKey();
                files.put(key, pendingBytes.get(i));
                ph.setActivityId(a.getId());
                ph.setStorageKey(key);
                photos.add(ph);
            }
            activityRepo.insertPhotos(photos);
        });
        return rows + photos.size();
    }

    /** The member row's org path is the branch's (members belong to branches). */
    private static String branchPath(PointsMemberRecord m) {
        return m.getOrgPath();
    }

    /**
     * A small landscape "photo" (480×320 PNG) drawn from a seed: sky, sun, hills, a red flag and a row of people —
     * the same seed gives the same bytes.
     */
    static byte[] photo(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 480;
        int h = 320;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color sky = new Color(120 + r.nextInt(60), 170 + r.nextInt(50), 220 + r.nextInt(35));
            g.setPaint(new GradientPaint(0, 0, sky, 0, h * 0.6f, Color.WHITE));
            g.fillRect(0, 0, w, h);
            g.setColor(new Color(255, 210 + r.nextInt(40), 80));
            int sun = 40 + r.nextInt(30);
            g.fillOval(40 + r.nextInt(w - 120), 20 + r.nextInt(40), sun, sun);
            for (int k = 0; k < 3; k++) {
                g.setColor(new Color(60 + 30 * k + r.nextInt(30), 130 + 20 * k + r.nextInt(40), 60 + r.nextInt(30)));
                int cx = r.nextInt(w);
                g.fillOval(cx - 260, 150 + 30 * k + r.nextInt(30), 520, 300);
            }
            int fx = 60 + r.nextInt(w - 160);
            g.setColor(new Color(90, 70, 60));
            g.setStroke(new BasicStroke(4));
            g.drawLine(fx, 90, fx, 230);
            g.setColor(new Color(210, 20, 30));
            g.fillRect(fx + 2, 92, 70, 46);
            g.setColor(new Color(255, 215, 0));
            g.fillOval(fx + 10, 100, 12, 12);
            int people = 5 + r.nextInt(8);
            for (int i = 0; i < people; i++) {
                int x = 20 + i * ((w - 40) / people) + r.nextInt(10);
                int y = 230 + r.nextInt(20);
                g.setColor(new Color(r.nextInt(200), r.nextInt(120), r.nextInt(200)));
                g.fillRoundRect(x, y, 22, 50, 10, 10);
                g.setColor(new Color(240, 200, 170));
                g.fillOval(x + 3, y - 18, 16, 16);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
