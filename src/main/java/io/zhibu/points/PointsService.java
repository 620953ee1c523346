package io.zhibu.points;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.PointsEntryRecord;
import io.zhibu.db.tables.records.PointsMemberRecord;
import io.zhibu.db.tables.records.PointsMemberYearRecord;
import io.zhibu.db.tables.records.PointsOrgYearRecord;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
import io.zhibu.points.PointsViews.*;
import io.zhibu.points.internal.PointsRepository;
import io.zhibu.points.internal.PointsRepository.Metric;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党员积分 member points (rules.md §8.4): an append-only ledger per member and year, posted from platform facts
 * ({@link #postFact}, idempotent by the fact key) or entered by the branch with a reason (audited); corrections are
 * reversing entries. Yearly rollups per member and per org (own and subtree) are kept on every posting, so rankings
 * of any subtree read a few index rows; {@link #rebuild} recomputes them from the ledger.
 */
@Service
public class PointsService {
    private static final int MAX_ENTRIES = 500;
    private final PointsRepository repo;
    private final PointRules rules;
    private final StarTiers tiers;
    private final MemberDirectory directory;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;

    public PointsService(PointsRepository repo, PointsProperties props, MemberDirectory directory, OrgService orgs,
                         AuditLog audit, Clock clock) {
        this.repo = repo;
        this.rules = props.rules();
        this.tiers = props.tiers();
        this.directory = directory;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    public PointRules pointRules() {
        return rules;
    }

    public StarTiers starTiers() {
        return tiers;
    }

    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    // ------------------------------------------------------------------ postings from platform facts

    /**
     * Posts a platform fact (event listeners of meetings, dues, learning). Runs in the caller's transaction, so the
     * points commit with the fact. The same fact key twice → {@link Outcome#DUPLICATE}, nothing counted again;
     * an unknown member → {@link Outcome#IGNORED}. Caps may reduce the points to 0: the line is still recorded.
     */
    @Transactional
    public Posting postFact(PointFact fact) {
        return post(fact, "system", fact.note());
    }

    /** What a bulk posting did: facts posted (some maybe 0 points after a cap), already posted, members unknown. */
    public record BulkPosting(int posted, int duplicates, int ignored, long points) {
    }

    /**
     * Posts many platform facts at once (data loads: the lived year's volunteering, imports), with the same outcome as
     * {@link #postFact} once per fact in list order — the same fact keys skipped, the same caps (per item and day,
     * per item and year, the daily automatic cap) counted across the list, unknown members ignored — but set-based:
     * the members locked a thousand at a time in id order, the existing postings and the caps' usage read a thousand
     * members or keys at a time, the ledger lines written by one bulk insert (COPY on PostgreSQL), and the rollups
     * changed once per member and once per org. Runs in the caller's transaction.
     */
    @Transactional
    public BulkPosting postFacts(List<PointFact> facts) {
        if (facts.isEmpty()) {
            return new BulkPosting(0, 0, 0, 0);
        }
        for (PointFact f : facts) {
            if (f.item() == null || f.factKey() == null || f.factKey().isBlank() || f.factKey().length() > 150
                    || f.date() == null) {
                throw new IllegalArgumentException("incomplete point fact: " + f);
            }
        }
        Map<Long, PointsMemberRecord> members = repo.lockMembers(facts.stream().map(PointFact::memberId).toList());
        Map<String, PointsRepository.Latest> latest = repo.latestPostings(facts.stream().map(PointFact::factKey).toList());
        Set<Integer> years = new java.util.TreeSet<>();
        facts.forEach(f -> years.add(f.date().getYear()));
        for (int y : years) {
            repo.openYear(facts.stream().filter(f -> f.date().getYear() == y && members.containsKey(f.memberId()))
                    .map(PointFact::memberId).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)), y);
        }
        Map<String, Integer> usedYear = new java.util.HashMap<>();
        Map<String, Integer> usedDay = new java.util.HashMap<>();
        Map<String, Integer> autoDay = new java.util.HashMap<>();
        for (Record r : repo.usage(members.keySet(), years)) {
            long member = r.get(io.zhibu.db.Tables.POINTS_ENTRY.MEMBER_ID);
            PointItem item = r.get(io.zhibu.db.Tables.POINTS_ENTRY.ITEM);
            LocalDate d = r.get(io.zhibu.db.Tables.POINTS_ENTRY.FACT_DATE);
            int p = r.get("points", Integer.class);
            usedYear.merge(member + "|" + d.getYear() + "|" + item, p, Integer::sum);
            usedDay.merge(member + "|" + d + "|" + item, p, Integer::sum);
            if (item.automatic() && p > 0) {
                autoDay.merge(member + "|" + d, p, Integer::sum);
            }
        }
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        List<PointsEntryRecord> lines = new ArrayList<>();
        Map<Integer, Map<Long, PointsRepository.Delta>> perMember = new java.util.TreeMap<>();
        Map<Integer, Map<String, PointsRepository.Delta>> perOrg = new java.util.TreeMap<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        int ignored = 0;
        long total = 0;
        for (PointFact f : facts) {
            PointsMemberRecord m = members.get(f.memberId());
            if (m == null) {
                ignored++;
                continue;
            }
            PointsRepository.Latest last = latest.get(f.factKey());
            if ((last != null && !last.reversed()) || !seen.add(f.factKey())) {
                duplicates++;
                continue;
            }
            int year = f.date().getYear();
            int requested = f.points() != null ? f.points() : rules.rule(f.item()).points();
            String yearKey = f.memberId() + "|" + year + "|" + f.item();
            String dayKey = f.memberId() + "|" + f.date() + "|" + f.item();
            String autoKey = f.memberId() + "|" + f.date();
            int awarded = rules.award(f.item(), requested, new PointRules.Used(usedDay.getOrDefault(dayKey, 0),
                    usedYear.getOrDefault(yearKey, 0), autoDay.getOrDefault(autoKey, 0)));
            usedYear.merge(yearKey, awarded, Integer::sum);
            usedDay.merge(dayKey, awarded, Integer::sum);
            if (f.item().automatic() && awarded > 0) {
                autoDay.merge(autoKey, awarded, Integer::sum);
            }
            PointsEntryRecord e = new PointsEntryRecord();
            e.setRegionOrgId(m.getRegionOrgId());
            e.setMemberId(f.memberId());
            e.setOrgPath(m.getOrgPath());
            e.setPointsYear(year);
            e.setFactDate(f.date());
            e.setItem(f.item());
            e.setFactKey(f.factKey());
            e.setFactSeq(last == null ? 0 : last.seq() + 1);
            e.setRequested(requested);
            e.setPoints(awarded);
            e.setStudyMinutes(f.studyMinutes());
            e.setQuizScore(f.quizScore());
            e.setLinkType(f.linkType());
            e.setLinkId(f.linkId());
            e.setReason(f.note());
            e.setCreatedBy("system");
            e.setCreatedAt(now);
            lines.add(e);
            perMember.computeIfAbsent(year, k -> new java.util.HashMap<>())
                    .computeIfAbsent(f.memberId(), k -> new PointsRepository.Delta()).add(awarded, f.studyMinutes(), f.quizScore());
            perOrg.computeIfAbsent(year, k -> new java.util.HashMap<>())
                    .computeIfAbsent(m.getOrgPath(), k -> new PointsRepository.Delta()).add(awarded, f.studyMinutes(), f.quizScore());
            total += awarded;
        }
        repo.insertEntries(lines);
        perMember.forEach((y, d) -> repo.applyDeltas(y, d, perOrg.get(y)));
        return new BulkPosting(lines.size(), duplicates, ignored, total);
    }

    /** Reverses the active posting of a fact (e.g. attendance changed from present), if there is one. */
    @Transactional
    public boolean reverseFact(String factKey, String reason) {
        Optional<PointsEntryRecord> latest = repo.latestPosting(factKey);
        if (latest.isEmpty() || repo.isReversed(latest.get().getId())) {
            return false;
        }
        repo.lockMember(latest.get().getMemberId());
        reverseEntry(latest.get(), "system", reason);
        return true;
    }

    /** Reverses every active posting linked to a source (e.g. all months of a reversed dues payment). */
    @Transactional
    public int reverseLinked(String linkType, String linkId, String reason) {
        int n = 0;
        for (PointsEntryRecord e : repo.linked(linkType, linkId)) {
            if (!repo.isReversed(e.getId())) {
                repo.lockMember(e.getMemberId());
                reverseEntry(e, "system", reason);
                n++;
            }
        }
        return n;
    }

    private Posting post(PointFact f, String by, String reason) {
        if (f.item() == null || f.factKey() == null || f.factKey().isBlank() || f.factKey().length() > 150
                || f.date() == null) {
            throw new IllegalArgumentException("incomplete point fact: " + f);
        }
        Optional<PointsMemberRecord> member = repo.lockMember(f.memberId());
        if (member.isEmpty()) {
            return new Posting(Outcome.IGNORED, null, 0);
        }
        Optional<PointsEntryRecord> latest = repo.latestPosting(f.factKey());
        int seq = 0;
        if (latest.isPresent()) {
            if (!repo.isReversed(latest.get().getId())) {
                return new Posting(Outcome.DUPLICATE, latest.get().getId(), latest.get().getPoints());
            }
            seq = latest.get().getFactSeq() + 1;
        }
        int year = f.date().getYear();
        repo.openYear(List.of(f.memberId()), year);
        PointsMemberYearRecord y = repo.lockYear(f.memberId(), year).orElseThrow();
        int requested = f.points() != null ? f.points() : rules.rule(f.item()).points();
        int awarded = rules.award(f.item(), requested, used(f.memberId(), year, f.item(), f.date()));
        PointsEntryRecord e = new PointsEntryRecord();
        e.setRegionOrgId(y.getRegionOrgId());
        e.setMemberId(f.memberId());
        e.setOrgPath(y.getOrgPath());
        e.setPointsYear(year);
        e.setFactDate(f.date());
        e.setItem(f.item());
        e.setFactKey(f.factKey());
        e.setFactSeq(seq);
        e.setRequested(requested);
        e.setPoints(awarded);
        e.setStudyMinutes(f.studyMinutes());
        e.setQuizScore(f.quizScore());
        e.setLinkType(f.linkType());
        e.setLinkId(f.linkId());
        e.setReason(reason);
        e.setCreatedBy(by);
        Optional<Long> id = repo.insertEntry(e);
        if (id.isEmpty()) {
            return latest.map(l -> new Posting(Outcome.DUPLICATE, l.getId(), l.getPoints()))
                    .orElse(new Posting(Outcome.DUPLICATE, null, 0));
        }
        repo.applyDelta(y, awarded, f.studyMinutes(), f.quizScore());
        return new Posting(Outcome.POSTED, id.get(), awarded);
    }

    private PointRules.Used used(long memberId, int year, PointItem item, LocalDate date) {
        int itemToday = 0;
        int itemYear = 0;
        int autoToday = 0;
        for (Record r : repo.usage(memberId, year)) {
            PointItem i = r.get(io.zhibu.db.Tables.POINTS_ENTRY.ITEM);
            LocalDate d = r.get(io.zhibu.db.Tables.POINTS_ENTRY.FACT_DATE);
            int p = r.get("points", Integer.class);
            if (i == item) {
                itemYear += p;
                if (d.equals(date)) {
                    itemToday += p;
                }
            }
            if (i.automatic() && d.equals(date) && p > 0) {
                autoToday += p;
            }
        }
        return new PointRules.Used(itemToday, itemYear, autoToday);
    }

    private PointsEntryRecord reverseEntry(PointsEntryRecord orig, String by, String reason) {
        if (orig.getReversesEntryId() != null) {
            throw new ConflictException("points.reverse.notAPosting");
        }
        PointsMemberYearRecord y = repo.lockYear(orig.getMemberId(), orig.getPointsYear()).orElseThrow();
        PointsEntryRecord r = orig.copy();
        r.setFactKey(null);
        r.setFactSeq(null);
        r.setRequested(-orig.getRequested());
        r.setPoints(-orig.getPoints());
        r.setStudyMinutes(-orig.getStudyMinutes());
        r.setQuizScore(orig.getQuizScore().negate());
        r.setReversesEntryId(orig.getId());
        r.setReason(reason);
        r.setOrgPath(y.getOrgPath());
        r.setCreatedBy(by);
        Optional<Long> id = repo.insertEntry(r);
        if (id.isEmpty()) {
            throw new ConflictException("points.reverse.already");
        }
        repo.applyDelta(y, r.getPoints(), r.getStudyMinutes(), r.getQuizScore());
        r.setId(id.get());
        return r;
    }

    // ------------------------------------------------------------------ branch entries and corrections

    /** The branch enters a non-automatic item (volunteering, honours, deductions…) with a reason; audited. */
    @Transactional
    public Entry enter(DataScope scope, long memberId, ManualForm form) {
        requireWriter(scope);
        PointsMemberRecord m = load(scope, memberId);
        List<Violation> errors = new ArrayList<>();
        PointItem item = form == null ? null : form.item();
        if (item == null) {
            errors.add(new Violation("item", "validation.required"));
        } else if (item.automatic()) {
            errors.add(new Violation("item", "points.item.automatic"));
        }
        Integer points = form == null ? null : form.points();
        if (item != null && !item.automatic()) {
            PointRules.ItemRule r = rules.rule(item);
            if (points == null) {
                points = r.points();
            } else if (!rules.inRange(item, points)) {
                errors.add(new Violation("points", "points.points.range", r.min(), r.max()));
            }
        }
        String reason = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.reason(), "reason", 200));
        String key = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.idempotencyKey(), "idempotencyKey", 64));
        LocalDate today = LocalDate.now(clock);
        LocalDate date = form == null || form.date() == null ? today : form.date();
        if (date.isAfter(today) || date.getYear() < today.getYear() - 1) {
            errors.add(new Violation("date", "points.date.range"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PointFact fact = new PointFact(item, "manual:" + memberId + ":" + key, memberId, date, "manual", null, points, 0,
                null, reason);
        Posting p = post(fact, scope.username(), reason);
        if (p.outcome() == Outcome.POSTED) {
            audit.success("points.enter", "member", memberId, m.getOrgPath(), item + " " + p.points() + ": " + reason);
        }
        return entry(repo.entry(p.entryId()).orElseThrow(), false);
    }

    /** Correction: a reversing entry (the ledger is never edited); audited. */
    @Transactional
    public Entry reverse(DataScope scope, long entryId, ReverseForm form) {
        requireWriter(scope);
        PointsEntryRecord e = repo.entry(entryId).orElseThrow(() -> new NotFoundException("entry", entryId));
        PointsMemberRecord m = load(scope, e.getMemberId());
        String reason = TextInput.required(form == null ? null : form.reason(), "reason", 200);
        repo.lockMember(e.getMemberId());
        if (repo.isReversed(entryId)) {
            throw new ConflictException("points.reverse.already");
        }
        PointsEntryRecord r = reverseEntry(e, scope.username(), reason);
        audit.success("points.reverse", "member", e.getMemberId(), m.getOrgPath(), "entry " + entryId + " "
                + e.getItem() + " " + e.getPoints() + ": " + reason);
        return entry(r, false);
    }

    // ------------------------------------------------------------------ reading

    /** The member's points of the year, each line with how it was earned; members: their own only. */
    @Transactional(readOnly = true)
    public MemberPoints member(DataScope scope, long memberId, Integer year) {
        PointsMemberRecord m = load(scope, memberId);
        int y = year(year);
        Optional<PointsMemberYearRecord> row = repo.year(memberId, y);
        List<PointsEntryRecord> rows = repo.entries(memberId, y, MAX_ENTRIES);
        Set<Long> reversed = new HashSet<>(repo.reversedIds(rows.stream().map(PointsEntryRecord::getId).toList()));
        List<Entry> entries = rows.stream().map(r -> entry(r, reversed.contains(r.getId()))).toList();
        Map<PointItem, int[]> perItem = new EnumMap<>(PointItem.class);
        for (PointsEntryRecord r : rows) {
            int[] t = perItem.computeIfAbsent(r.getItem(), k -> new int[2]);
            t[0] += r.getPoints();
            t[1] += r.getReversesEntryId() == null ? 1 : -1;
        }
        List<ItemTotal> items = perItem.entrySet().stream().filter(x -> x.getValue()[1] != 0 || x.getValue()[0] != 0)
                .map(x -> new ItemTotal(x.getKey(), x.getValue()[0], x.getValue()[1])).toList();
        int ledger = row.map(PointsMemberYearRecord::getPoints).orElse(0);
        int total = rules.total(ledger);
        String branchPath = m.getOrgPath();
        long rank = row.map(r -> repo.rankOf(r, branchPath)).orElse(0L);
        long of = repo.org(m.getOrgId(), y).map(PointsOrgYearRecord::getOwnMembers).orElse(0);
        String name = directory.namesOf(scope, List.of(memberId)).getOrDefault(memberId, "");
        return new MemberPoints(memberId, name, m.getOrgId(), y, rules.base(), ledger, total, tiers.stars(total), rank,
                of, row.map(PointsMemberYearRecord::getStudyMinutes).orElse(0),
                row.map(PointsMemberYearRecord::getQuizScore).orElse(BigDecimal.ZERO), items, entries);
    }

    /** 积分定星: the member's stars for the year (for the member's page). */
    @Transactional(readOnly = true)
    public Stars stars(DataScope scope, long memberId, Integer year) {
        load(scope, memberId);
        int y = year(year);
        int total = rules.total(repo.year(memberId, y).map(PointsMemberYearRecord::getPoints).orElse(0));
        return new Stars(memberId, y, total, tiers.stars(total));
    }

    /** The branch roster with each member's points and stars (the roster page calls this). */
    @Transactional(readOnly = true)
    public List<RosterLine> roster(DataScope scope, long orgId, Integer year) {
        requireManager(scope);
        orgs.get(scope, orgId);
        int y = year(year);
        Map<Long, PointsMemberYearRecord> rows = new java.util.HashMap<>();
        repo.yearsOfOrg(orgId, y).forEach(r -> rows.put(r.getMemberId(), r));
        List<Long> ids = repo.membersOfOrg(orgId, 2000).stream().map(PointsMemberRecord::getMemberId).toList();
        Map<Long, String> names = directory.namesOf(scope, ids);
        return ids.stream().map(id -> {
            PointsMemberYearRecord r = rows.get(id);
            int total = rules.total(r == null ? 0 : r.getPoints());
            return new RosterLine(id, names.getOrDefault(id, ""), total, tiers.stars(total),
                    r == null ? 0 : r.getStudyMinutes(), r == null ? BigDecimal.ZERO : r.getQuizScore());
        }).sorted(java.util.Comparator.comparingInt(RosterLine::total).reversed()).toList();
    }

    /** Members of a subtree (default: the caller's scope) ranked by points, study time or quiz score. */
    @Transactional(readOnly = true)
    public Page<MemberRank> memberRanking(DataScope scope, Long orgId, Integer year, Metric by, Integer page, Integer size) {
        requireReader(scope);
        int y = year(year);
        Metric metric = by == null ? Metric.POINTS : by;
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        String path = orgId == null ? scope.orgPath() : orgs.get(scope, orgId).path();
        Long root = orgId != null ? orgId : scope.scopeOrgId();
        long population = repo.allMembers(y);
        long total = root == null ? population : repo.org(root, y).map(PointsOrgYearRecord::getSubMembers).orElse(0);
        List<PointsMemberYearRecord> rows = repo.memberRanking(y, path, metric, p * s, s, total, population);
        Map<Long, String> names = directory.namesOf(scope, rows.stream().map(PointsMemberYearRecord::getMemberId).toList());
        Map<Long, String> orgNames = orgs.namesOf(rows.stream().map(PointsMemberYearRecord::getOrgId).distinct().toList());
        List<MemberRank> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PointsMemberYearRecord r = rows.get(i);
            int t = rules.total(r.getPoints());
            items.add(new MemberRank((long) p * s + i + 1, r.getMemberId(), names.getOrDefault(r.getMemberId(), "—"),
                    r.getOrgId(), orgNames.getOrDefault(r.getOrgId(), ""), t, tiers.stars(t), r.getStudyMinutes(),
                    r.getQuizScore()));
        }
        return new Page<>(items, p, s, total);
    }

    /** Branches of a subtree ranked by the per-member average (points, study time or quiz score). */
    @Transactional(readOnly = true)
    public Page<BranchRank> branchRanking(DataScope scope, Long orgId, Integer year, Metric by, Integer page, Integer size) {
        requireReader(scope);
        int y = year(year);
        Metric metric = by == null ? Metric.POINTS : by;
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        String path = orgId == null ? scope.orgPath() : orgs.get(scope, orgId).path();
        List<PointsOrgYearRecord> rows = repo.branchRanking(y, path, metric, p * s, s);
        Map<Long, String> names = orgs.namesOf(rows.stream().map(PointsOrgYearRecord::getOrgId).toList());
        List<BranchRank> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PointsOrgYearRecord r = rows.get(i);
            BigDecimal avg = switch (metric) {
                case POINTS -> BigDecimal.valueOf(r.getOwnPoints());
                case STUDY -> BigDecimal.valueOf(r.getOwnStudyMinutes());
                case QUIZ -> r.getOwnQuizScore();
            };
            avg = avg.divide(BigDecimal.valueOf(r.getOwnMembers()), 2, RoundingMode.HALF_UP);
            if (metric == Metric.POINTS) {
                avg = avg.add(BigDecimal.valueOf(rules.base()));
            }
            items.add(new BranchRank((long) p * s + i + 1, r.getOrgId(), names.getOrDefault(r.getOrgId(), ""),
                    r.getOwnMembers(), r.getOwnPoints(), avg, r.getOwnStudyMinutes(), r.getOwnQuizScore()));
        }
        return new Page<>(items, p, s, repo.branchCount(y, path));
    }

    public Rules rules() {
        List<Rule> items = java.util.Arrays.stream(PointItem.values()).map(rules::rule).map(r -> new Rule(r.item(),
                r.item().automatic(), r.points(), r.min(), r.max(), r.dailyCap(), r.yearlyCap())).toList();
        return new Rules(rules.base(), rules.dailyAutomaticCap(), tiers.tiers(), items);
    }

    // ------------------------------------------------------------------ rebuild

    /**
     * Recomputes the year's rollups from the ledger (platform administrator; also the nightly safety net) and
     * reports whether they agreed with the incrementally kept ones.
     */
    @Transactional
    public RebuildResult rebuild(DataScope scope, Integer year) {
        if (scope.role() != Role.ADMIN) {
            throw new ForbiddenException("only the platform administrator rebuilds rollups");
        }
        int y = year(year);
        RebuildResult r = rebuildYear(y);
        audit.success("points.rebuild", "year", y, scope.orgPath(), r.orgRows() + " org rows, agreed=" + r.agreed());
        return r;
    }

    @Transactional
    public RebuildResult rebuildYear(int year) {
        long t0 = System.nanoTime();
        repo.openYearForAll(year);
        List<String> before = repo.snapshot(year);
        int orgRows = repo.rebuild(year);
        boolean agreed = before.equals(repo.snapshot(year));
        return new RebuildResult(year, orgRows, (System.nanoTime() - t0) / 1_000_000, agreed);
    }

    /** Opens a new year: every member gets a zero row, so rankings list them from the first day. */
    @Transactional
    public void openYear(int year) {
        repo.openYearForAll(year);
    }

    // ------------------------------------------------------------------ internals

    private Entry entry(PointsEntryRecord r, boolean reversed) {
        PointItem item = r.getItem();
        return new Entry(r.getId(), r.getMemberId(), r.getPointsYear(), r.getFactDate(), item, r.getRequested(), r.getPoints(),
                r.getReversesEntryId() == null && r.getPoints() != r.getRequested(), r.getStudyMinutes(), r.getQuizScore(),
                r.getLinkType(), r.getLinkId(), r.getReason(), r.getReversesEntryId(), reversed, item.automatic(),
                r.getCreatedBy(), r.getCreatedAt());
    }

    private int year(Integer year) {
        int y = year == null ? currentYear() : year;
        if (y < 2000 || y > 2100) {
            throw InvalidInputException.of("year", "validation.invalid");
        }
        return y;
    }

    /** The member's projection row if inside the scope; members only themselves (else 404). */
    private PointsMemberRecord load(DataScope scope, long memberId) {
        requireReader(scope);
        return repo.member(memberId).filter(m -> scope.covers(m.getOrgPath()))
                .filter(m -> !scope.selfOnly() || Long.valueOf(memberId).equals(scope.selfMemberId()))
                .orElseThrow(() -> new NotFoundException("member", memberId));
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role cannot read member points");
        }
    }

    private static void requireManager(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot read the branch roster");
        }
    }

    /** Entries and corrections are the branch's: the branch secretary, or the platform administrator. */
    public static boolean canWrite(DataScope scope) {
        return scope.role() == Role.BRANCH_SECRETARY || scope.role() == Role.ADMIN;
    }

    private static void requireWriter(DataScope scope) {
        if (!canWrite(scope)) {
            throw new ForbiddenException("only the branch enters points");
        }
    }
}
