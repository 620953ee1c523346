package io.zhibu.supervision.web;

import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.ListPages;
import io.zhibu.shared.web.Messages;
import io.zhibu.supervision.Dashboard;
import io.zhibu.supervision.Dashboards;
import io.zhibu.supervision.Rollups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** 督导看板 pages: the dashboard (desktop and phone), the big screen (大屏), and the rollup jobs page. */
@Controller
@RequestMapping("/supervision")
class DashboardPageController {
    static final List<String> AGE = List.of("UP_TO_35", "FROM_36_TO_45", "FROM_46_TO_55", "FROM_56_TO_65", "OVER_65");
    static final List<String> EDUCATION = List.of("postgraduate", "bachelor", "college", "secondary", "below");
    static final List<String> DOMAINS = List.of("RURAL", "COMMUNITY", "AGENCY", "SCHOOL", "HOSPITAL",
            "STATE_ENTERPRISE", "NON_PUBLIC");
    static final List<String> PIPELINE = List.of("APPLICANT", "ACTIVIST", "TARGET", "PROBATIONARY");

    private final Dashboards dashboards;
    private final Rollups rollups;
    private final Messages messages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final KeptJson<java.util.concurrent.ConcurrentMap<java.util.Locale, String>> chartData =
            new KeptJson<>(view -> new java.util.concurrent.ConcurrentHashMap<>());
    private final KeptJson<java.util.concurrent.ConcurrentMap<java.util.Locale, List<ChildRow>>> childRows =
            new KeptJson<>(view -> new java.util.concurrent.ConcurrentHashMap<>());

    /**
     * A line of the children's table with its figures summed and formatted once per kept view and language (issue
     * 20: the city's page evaluated ~15 expressions and three number formats per child on every load).
     */
    record ChildRow(long orgId, int rank, String name, boolean drillable, long members, String meetingRate,
                    boolean meetingLow, String duesRate, boolean duesLow, String deliberationRate,
                    boolean deliberationLow, String deliberationCounts, long pipeline, long termsOverdue,
                    long servingReported, String servingRate, long servingReceived, String servingHours,
                    String disclosureRate, boolean disclosureLow) {
        static List<ChildRow> of(Dashboard d, java.util.Locale locale) {
            List<ChildRow> rows = new ArrayList<>();
            for (Dashboard.Child c : d.children()) {
                rows.add(new ChildRow(c.orgId(), c.rank(), c.name(), c.drillable(), c.figure("member.total"),
                        rate(c.meetingRate(), locale), c.meetingRate() != null && c.meetingRate() < 800,
                        rate(c.duesRate(), locale), c.duesRate() != null && c.duesRate() < 800,
                        rate(c.deliberationRate(), locale), c.deliberationRate() != null && c.deliberationRate() < 800,
                        c.figure("deliberation.completed") + " / " + c.figure("deliberation.started"),
                        c.figure("dev.APPLICANT") + c.figure("dev.ACTIVIST") + c.figure("dev.TARGET")
                                + c.figure("dev.PROBATIONARY"),
                        c.figure("org.term.overdue"), c.figure("serving.reported"), rate(c.servingRate(), locale),
                        c.figure("serving.received"),
                        org.thymeleaf.util.NumberUtils.format(c.figure("serving.minutes") / 60.0, 1, 1, locale),
                        rate(disclosure(c), locale), disclosure(c) != null && disclosure(c) < 800));
            }
            return List.copyOf(rows);
        }

        /** 三务公开 rate (per mille): items published of those due, or null when none was due. */
        private static Integer disclosure(Dashboard.Child c) {
            long due = c.figure("disclosure.due");
            return due == 0 ? null : (int) Math.round(c.figure("disclosure.published") * 1000.0 / due);
        }

        /** A per-mille rate as the page shows it ("87.5%"), or "—". */
        private static String rate(Integer perMille, java.util.Locale locale) {
            return perMille == null ? "—" : org.thymeleaf.util.NumberUtils.format(perMille / 10.0, 1, 1, locale) + "%";
        }
    }

    DashboardPageController(Dashboards dashboards, Rollups rollups, Messages messages) {
        this.dashboards = dashboards;
        this.rollups = rollups;
        this.messages = messages;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String rank, Model model) {
        fill(model, dashboards.dashboard(CurrentScope.get(), orgId, period, rank));
        return "supervision/dashboard";
    }

    @GetMapping("/screen")
    String screen(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String period, Model model) {
        fill(model, dashboards.dashboard(CurrentScope.get(), orgId, period, null));
        return "supervision/screen";
    }

    @GetMapping("/rankings")
    String rankings(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String period,
                    @RequestParam(required = false) String rank, @RequestParam(required = false) String q,
                    @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        Dashboard d = dashboards.dashboard(scope, orgId, period, rank);
        model.addAttribute("d", d);
        model.addAttribute("ranks", Dashboards.RankBy.values());
        // a county ranks hundreds of branches: the summary covers all of them, the table one page of the filtered
        List<Dashboards.BranchRank> all = dashboards.branchRanking(scope, d.orgId(), d.period(), rank, 10_000);
        model.addAttribute("summary", RankingSummary.of(all));
        List<Dashboards.BranchRank> rows = ListPages.named(all, q, Dashboards.BranchRank::name);
        model.addAttribute("rows", ListPages.page(rows, page, ListPages.PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("pageBase", ListPages.base("/supervision/rankings", "orgId", d.orgId(), "period", d.period(),
                "rank", d.rankBy(), "q", q));
        return "supervision/rankings";
    }

    @GetMapping("/rollups")
    String runs(Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("runs", rollups.runs(scope));
        model.addAttribute("pending", rollups.pending());
        return "supervision/rollups";
    }

    @GetMapping("/rollups/{id}")
    String run(@PathVariable long id, Model model) {
        model.addAttribute("run", rollups.run(CurrentScope.get(), id));
        return "supervision/run";
    }

    @PostMapping("/rollups/rebuild")
    String rebuild(RedirectAttributes flash) {
        Rollups.Run run = rollups.rebuild(CurrentScope.get());
        return "redirect:/supervision/rollups/" + run.id();
    }

    private void fill(Model model, Dashboard d) {
        model.addAttribute("d", d);
        model.addAttribute("ranks", Dashboards.RankBy.values());
        // raw JSON inside <script type="application/json">: only "<" could end the element early
        // kept per dashboard view and language (the view is shared by every caller of one kept snapshot, issue 20)
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("childRows", childRows.of(d).computeIfAbsent(locale, l -> ChildRow.of(d, l)));
        model.addAttribute("chartData", chartData.of(d).computeIfAbsent(
                org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                l -> json.writeValueAsString(charts(d)).replace("<", "\\u003c")));
    }

    /** Series and their translated labels for the ECharts on the page. */
    private Map<String, Object> charts(Dashboard d) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("age", series(d, "member.age.", AGE, "supervision.age."));
        c.put("education", series(d, "member.edu.", EDUCATION, "supervision.edu."));
        c.put("domain", series(d, "member.domain.", DOMAINS, "domain."));
        c.put("pipeline", series(d, "dev.", PIPELINE, "supervision.pipeline."));
        c.put("gender", List.of(point(messages.get("supervision.gender.male"), d.figure("member.male")),
                point(messages.get("supervision.gender.female"), d.figure("member.female"))));
        List<Object> children = new ArrayList<>();
        for (Dashboard.Child ch : d.children()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", ch.name());
            row.put("meetingRate", ch.meetingRate() == null ? null : ch.meetingRate() / 10.0);
            row.put("duesRate", ch.duesRate() == null ? null : ch.duesRate() / 10.0);
            row.put("members", ch.figure("member.total"));
            children.add(row);
        }
        c.put("children", children);
        c.put("labels", Map.of("meetingRate", messages.get("supervision.meetingRate"),
                "duesRate", messages.get("supervision.duesRate"), "members", messages.get("supervision.members")));
        return c;
    }

    private List<Object> series(Dashboard d, String prefix, List<String> keys, String labelPrefix) {
        List<Object> out = new ArrayList<>();
        for (String k : keys) {
            out.add(point(messages.get(labelPrefix + k), d.figure(prefix + k)));
        }
        return out;
    }

    private static Map<String, Object> point(String name, long value) {
        return Map.of("name", name, "value", value);
    }

    /** The ranking's summary row: branches, members, and the mean of the branches' rates (per mille; null if none). */
    record RankingSummary(int branches, long members, Integer meetingRate, Integer duesRate) {
        static RankingSummary of(List<Dashboards.BranchRank> all) {
            long members = all.stream().mapToLong(r -> r.figures().getOrDefault("member.total", 0L)).sum();
            return new RankingSummary(all.size(), members, mean(all.stream().map(Dashboards.BranchRank::meetingRate).toList()),
                    mean(all.stream().map(Dashboards.BranchRank::duesRate).toList()));
        }

        private static Integer mean(List<Integer> rates) {
            var stats = rates.stream().filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).summaryStatistics();
            return stats.getCount() == 0 ? null : (int) Math.round(stats.getAverage());
        }
    }
}
