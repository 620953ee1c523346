package io.zhibu.disclosure.internal;

import io.zhibu.db.tables.records.DisclosureItemRecord;
import io.zhibu.disclosure.Audience;
import io.zhibu.disclosure.DisclosureCategory;
import io.zhibu.disclosure.DisclosureProperties;
import io.zhibu.disclosure.DisclosureRules;
import io.zhibu.disclosure.ItemStatus;
import io.zhibu.disclosure.Obligations;
import io.zhibu.shared.demo.LivedYear;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 三务公开 side of a lived year: every owing organization publishes each required category for the periods that
 * ended in the year — on time (within the grace days) with a probability that follows the branch's diligence, late
 * or never otherwise — so the demo county's 公开 rate is high but not 100 % and the lagging branches carry
 * {@code disclosure-missing} warnings. About a third of the village items (村务, 财务) and
 * a sixth of the 党务 items are public by QR code.
 */
@Component
class DisclosureLivedYear implements LivedYear {
    private static final String BY = "demo-year";
    private static final SecureRandom TOKENS = new SecureRandom();
    private static final Map<DisclosureCategory, String> TITLES = Map.of(
            DisclosureCategory.PARTY, "党务公开", DisclosureCategory.VILLAGE, "村务公开", DisclosureCategory.FINANCE, "财务公开");
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("组织建设", "按期召开支部委员会和党员大会，落实“三会一课”和主题党日制度"),
            Map.entry("党员发展", "本期确定入党积极分子，培养考察按程序进行"),
            Map.entry("党费收缴", "党员按月足额交纳党费，收缴情况已在支部公示栏公布"),
            Map.entry("重大事项决策", "经“四议两公开”程序决定村道硬化和灌溉渠修缮项目"),
            Map.entry("惠民政策落实", "落实耕地地力保护补贴、高龄津贴发放，名单经村民代表会议审核"),
            Map.entry("收入", "集体经济收入、上级补助收入按项目列明，详见公开栏附表"),
            Map.entry("支出", "办公经费、基础设施维护支出逐笔列明，经村务监督委员会审核"));

    private final DisclosureRepository repo;
    private final Obligations obligations;
    private final TransactionTemplate tx;

    DisclosureLivedYear(DisclosureRepository repo, Obligations obligations, TransactionTemplate tx) {
        this.repo = repo;
        this.obligations = obligations;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "disclosure (三务公开)";
    }

    @Override
    public int order() {
        return 66;
    }

    @Override
    public Set<String> runsAfter() {
        return Set.of(); // reads only the tree, writes only its own table
    }

    @Override
    public long generate(Region region) {
        List<Obligations.Owing> owing = obligations.under(region.rootPath()).stream()
                .sorted(Comparator.comparing(o -> o.org().path())).toList();
        if (owing.isEmpty()) {
            return 0;
        }
        Map<Long, Double> diligence = region.diligence(owing.stream().map(o -> o.org().id()).toList());
        int grace = obligations.properties().grace();
        LocalDate today = region.today();
        List<DisclosureItemRecord> rows = new ArrayList<>();
        for (Obligations.Owing o : owing) {
            SplittableRandom r = region.random("disclosure", o.org().id());
            double d = diligence.getOrDefault(o.org().id(), 0.9);
            for (DisclosureProperties.Requirement req : o.requirements()) {
                String period = DisclosureRules.key(req.cadence(), region.firstDay());
                while (true) {
                    LocalDate end = DisclosureRules.end(req.cadence(), period).orElseThrow();
                    if (!end.isBefore(today)) {
                        break;
                    }
                    double u = r.nextDouble();
                    if (u < 0.6 + 0.4 * d) {
                        LocalDate on = end.plusDays(1 + r.nextInt(Math.max(1, grace)));
                        if (u > 0.55 + 0.4 * d) {
                            on = end.plusDays(grace + 1 + r.nextInt(20)); // late
                        }
                        if (on.isBefore(today)) {
                            rows.add(item(o, req, period, on, r));
                        }
                    }
                    period = DisclosureRules.key(req.cadence(), end.plusDays(1));
                }
            }
        }
        tx.executeWithoutResult(s -> repo.insertAll(rows));
        return rows.size();
    }

    private DisclosureItemRecord item(Obligations.Owing o, DisclosureProperties.Requirement req, String period, LocalDate on,
                                      SplittableRandom r) {
        DisclosureItemRecord x = repo.newItem();
        x.setOrgId(o.org().id());
        x.setOrgPath(o.org().path());
        x.setRegionOrgId(io.zhibu.shared.OrgPath.idAt(o.org().path(), 1));
        x.setCategory(req.category());
        x.setPeriod(period);
        x.setTitle(period + " " + TITLES.get(req.category()));
        StringBuilder body = new StringBuilder();
        String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八"};
        int i = 0;
        for (String t : req.topics()) {
            body.append(numbers[Math.min(i++, numbers.length - 1)]).append("、").append(t).append("：")
                    .append(TEXT.getOrDefault(t, "按规定公开，详见公开栏")).append("。\n");
        }
        x.setBody(body.toString().strip());
        boolean pub = r.nextDouble() < (req.category() == DisclosureCategory.PARTY ? 0.15 : 0.35);
        x.setAudience(pub ? Audience.PUBLIC : Audience.SUBTREE);
        if (pub) {
            byte[] b = new byte[32];
            TOKENS.nextBytes(b);
            x.setPublicToken(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        }
        x.setStatus(ItemStatus.PUBLISHED);
        x.setPublishedOn(on);
        x.setPublishedBy(BY);
        x.setPublishedAt(OffsetDateTime.of(on, LocalTime.of(10, 0), ZoneOffset.ofHours(8)));
        return x;
    }
}
