package io.zhibu.serving.internal;

import io.zhibu.db.tables.records.ServingNeedRecord;
import io.zhibu.db.tables.records.ServingReportRecord;
import io.zhibu.db.tables.records.ServingSignupRecord;
import io.zhibu.member.MemberService;
import io.zhibu.member.RosterLine;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.points.PointFact;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointsService;
import io.zhibu.serving.NeedKind;
import io.zhibu.serving.NeedStatus;
import io.zhibu.serving.ReportStatus;
import io.zhibu.serving.ServingRules;
import io.zhibu.serving.SignupStatus;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.demo.LivedYear;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 双报到 side of a lived year (issue 21): about 55–95 % of the in-service members (by their branch's diligence)
 * report to a community of the region early in the current year and are confirmed within ten days (a few recent
 * reports still await the community; a few were declined); each community publishes one or two needs a month, which
 * confirmed members serve (1–4 hours, with feedback) — posted to their points as the page would; a few past
 * services are still unrecorded, and each community has needs open in the coming two weeks.
 */
@Component
class ServingLivedYear implements LivedYear {
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private static final String BY = "demo-year";
    private static final String[][] NEEDS = {
        {"NEED", "楼道清理和小广告清除", "小区各楼栋"}, {"NEED", "社区文明交通劝导", "社区路口"},
        {"NEED", "垃圾分类桶前值守", "小区垃圾分类点"}, {"NEED", "反诈宣传进小区", "社区广场"},
        {"NEED", "老年人智能手机使用辅导", "社区党群服务中心"}, {"NEED", "周末四点半课堂作业辅导", "社区党群服务中心"},
        {"NEED", "防汛值守和巡查", "河道沿线"}, {"NEED", "义诊和健康咨询", "社区卫生服务站"},
        {"WISH", "为独居老人打扫卫生", "老人家中"}, {"WISH", "给留守儿童送一套学习用品", "社区党群服务中心"},
        {"WISH", "帮助行动不便老人代购药品", "老人家中"}, {"WISH", "为困难家庭修理漏水水龙头", "居民家中"}};
    private static final String[] FEEDBACK = {"服务认真负责，居民很满意。", "准时到岗，主动热情。", "老人很感动，希望常来。",
        "讲解耐心细致，效果很好。", "克服天气困难坚持完成任务。", "和居民沟通顺畅，反响好。"};

    private final ServingRepository repo;
    private final OrgService orgs;
    private final MemberService members;
    private final PointsService points;
    private final TransactionTemplate tx;
    private final DesignationRepository designations;
    private final AidRepository aid;

    ServingLivedYear(ServingRepository repo, OrgService orgs, MemberService members, PointsService points, TransactionTemplate tx,
                     DesignationRepository designations, AidRepository aid) {
        this.designations = designations;
        this.aid = aid;
        this.repo = repo;
        this.orgs = orgs;
        this.members = members;
        this.points = points;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "serving (双报到)";
    }

    @Override
    public int order() {
        return 65;
    }

    private record Confirmed(ServingReportRecord report, LocalDate on) {
    }

    @Override
    public long generate(Region region) {
        List<OrgNode> branches = orgs.activeNodes().stream().filter(n -> region.covers(n.path()))
                .sorted(Comparator.comparing(OrgNode::path)).toList();
        List<OrgNode> communities = branches.stream().filter(n -> ServingRules.community(n.domain(), n.type())).toList();
        Map<Long, OrgNode> units = new HashMap<>();
        branches.stream().filter(n -> ServingRules.inService(n.domain(), n.type())).forEach(n -> units.put(n.id(), n));
        if (communities.isEmpty() || units.isEmpty()) {
            return 0;
        }
        Map<Long, Double> diligence = region.diligence(units.keySet());
        List<RosterLine> everyone = members.rosterLines(SYSTEM, region.rootPath());
        List<RosterLine> roster = everyone.stream()
                .filter(m -> units.containsKey(m.orgId())).sorted(Comparator.comparingLong(RosterLine::id)).toList();
        Long cared = tx.execute(s -> care(region, everyone));
        // the services' points are collected and posted in one bulk posting per transaction (PointsService.postFacts),
        // not one postFact (eight statements) per service
        Long written = tx.execute(s -> {
            List<PointFact> facts = new ArrayList<>();
            long n = write(region, communities, units, diligence, roster, facts);
            points.postFacts(facts);
            return n;
        });
        Long acts = tx.execute(s -> {
            List<PointFact> facts = new ArrayList<>();
            long n = activities(region, units, diligence, roster, facts);
            points.postFacts(facts);
            return n;
        });
        Long shown = tx.execute(s -> designationsAndAid(region, branches, everyone));
        return (written == null ? 0 : written) + (acts == null ? 0 : acts) + (cared == null ? 0 : cared)
                + (shown == null ? 0 : shown);
    }

    private static final String[][] POSTS = {
        {"PIONEER_POST", "党员先锋岗", "立足岗位作表率，办事不推诿，服务不打折。"},
        {"RESPONSIBILITY_AREA", "党员责任区", "每月走访责任区群众，收集诉求及时反映解决。"},
        {"PARTY_HOUSEHOLD", "共产党员户", "带头遵纪守法、带头移风易俗、带头邻里互助。"},
        {"THREE_SHOW", "三亮两带示范岗", "亮身份、亮承诺、亮实绩，带头服务、带头致富。"}};

    /**
     * 亮身份 and 困难党员帮扶 of the lived year: one designation in each branch of three or more members (a post in
     * agencies and enterprises, an area in communities, a household in villages, 三亮两带 elsewhere) held by its
     * longest-standing member since the year began; about 1 % of members applied for hardship aid this year, most
     * approved and paid by the superior, a few rejected or still awaiting a decision.
     */
    private long designationsAndAid(Region region, List<OrgNode> branches, List<RosterLine> everyone) {
        LocalDate today = region.today();
        LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
        LocalDate from = region.firstDay().isAfter(yearStart) ? region.firstDay() : yearStart;
        Map<Long, List<RosterLine>> byOrg = new HashMap<>();
        everyone.forEach(m -> byOrg.computeIfAbsent(m.orgId(), k -> new ArrayList<>()).add(m));
        List<io.zhibu.db.tables.records.ServingDesignationRecord> rows = new ArrayList<>();
        java.security.SecureRandom tokens = new java.security.SecureRandom();
        for (OrgNode b : branches) {
            List<RosterLine> ms = byOrg.getOrDefault(b.id(), List.of());
            if (!b.type().holdsMembers() || ms.size() < 3) {
                continue;
            }
            RosterLine m = ms.stream().filter(x -> x.joinedOn() != null).min(Comparator.comparing(RosterLine::joinedOn)).orElse(ms.getFirst());
            String[] post = b.domain() == null ? POSTS[3] : switch (b.domain()) {
                case AGENCY, STATE_ENTERPRISE, SCHOOL, HOSPITAL -> POSTS[0];
                case COMMUNITY -> POSTS[1];
                case RURAL -> POSTS[2];
                default -> POSTS[3];
            };
            var d = new io.zhibu.db.tables.records.ServingDesignationRecord();
            d.setKind(io.zhibu.serving.DesignationKind.valueOf(post[0]));
            d.setMemberId(m.id());
            d.setMemberName(m.name());
            d.setOrgId(b.id());
            d.setOrgPath(b.path());
            d.setPost(b.name() + post[1]);
            d.setArea(post[0].equals("RESPONSIBILITY_AREA") ? "辖区第一网格" : null);
            d.setHousehold(post[0].equals("PARTY_HOUSEHOLD") ? m.name() + "家" : null);
            d.setCommitments(post[2]);
            d.setStartsOn(from);
            d.setStatus(io.zhibu.serving.DesignationStatus.ACTIVE);
            byte[] t = new byte[32];
            tokens.nextBytes(t);
            d.setPublicToken(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(t));
            d.setCreatedBy(BY);
            d.setCreatedAt(at(from, 10));
            rows.add(d);
        }
        designations.insertAll(rows);
        List<io.zhibu.db.tables.records.ServingAidRecord> aids = new ArrayList<>();
        long span = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(from, today));
        for (RosterLine m : everyone) {
            SplittableRandom r = region.random("serving-aid", m.id());
            if (r.nextDouble() >= 0.01) {
                continue;
            }
            LocalDate filed = from.plusDays(r.nextLong(span));
            var a = new io.zhibu.db.tables.records.ServingAidRecord();
            a.setAidYear(filed.getYear());
            a.setMemberId(m.id());
            a.setMemberName(m.name());
            a.setOrgId(m.orgId());
            a.setOrgPath(m.orgPath());
            a.setReason(r.nextBoolean() ? "家庭成员患病，医疗支出较大" : "年老体弱，收入微薄，生活困难");
            a.setAmountRequested(java.math.BigDecimal.valueOf(500L * r.nextInt(1, 7)).setScale(2));
            a.setFiledBy(BY);
            a.setFiledAt(at(filed, 9));
            a.setVersion(0);
            double u = r.nextDouble();
            LocalDate decided = filed.plusDays(r.nextInt(3, 15));
            if (u < 0.15 || !decided.isBefore(today)) {
                a.setStatus(io.zhibu.serving.AidStatus.APPLIED);
            } else if (u < 0.25) {
                a.setStatus(io.zhibu.serving.AidStatus.REJECTED);
                a.setDecisionNote("不符合帮扶条件");
                a.setDecidedBy(BY);
                a.setDecidedAt(at(decided, 15));
            } else {
                a.setStatus(io.zhibu.serving.AidStatus.PAID);
                a.setAmountApproved(a.getAmountRequested());
                a.setDecisionNote("同意，按标准发放");
                a.setDecidedBy(BY);
                a.setDecidedAt(at(decided, 15));
            }
            aids.add(a);
        }
        aid.insertAll(aids, a -> {
            if (a.getStatus() != io.zhibu.serving.AidStatus.PAID) {
                return null;
            }
            var p = new io.zhibu.db.tables.records.ServingAidPaymentRecord();
            p.setAidId(a.getId());
            p.setOrgPath(a.getOrgPath());
            LocalDate paid = a.getDecidedAt().toLocalDate().plusDays(2);
            p.setPaidOn(paid.isBefore(today) ? paid : a.getDecidedAt().toLocalDate());
            p.setAmount(a.getAmountApproved());
            p.setNote("银行转账");
            p.setRecordedBy(BY);
            p.setRecordedAt(a.getDecidedAt());
            return p;
        });
        return rows.size() + aids.size();
    }

    private long write(Region region, List<OrgNode> communities, Map<Long, OrgNode> units, Map<Long, Double> diligence,
                       List<RosterLine> roster, List<PointFact> facts) {
        LocalDate today = region.today();
        LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
        LocalDate from = region.firstDay().isAfter(yearStart) ? region.firstDay() : yearStart;
        long rows = 0;
        Map<Long, List<Confirmed>> atCommunity = new HashMap<>();
        // every row is written in multi-row statements once its ids are needed (reports, needs, sign-ups) or in one
        // batch: a statement per row cost more than the rows (15 s of the demo county's first start)
        List<ServingReportRecord> reports = new ArrayList<>();
        for (RosterLine m : roster) {
            SplittableRandom r = region.random("serving-report", m.id());
            double d = diligence.getOrDefault(m.orgId(), 0.9);
            if (r.nextDouble() > 0.55 + 0.4 * d) {
                continue;
            }
            OrgNode unit = units.get(m.orgId());
            OrgNode community = communities.get(r.nextInt(communities.size()));
            long span = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(from, today));
            boolean recent = r.nextDouble() < 0.04;
            LocalDate filed = recent ? today.minusDays(r.nextInt(1, 9)) : from.plusDays(r.nextLong(Math.min(75, span)));
            if (!filed.isBefore(today)) {
                filed = today.minusDays(1);
            }
            ServingReportRecord rep = repo.newReport();
            rep.setReportYear(filed.getYear());
            rep.setMemberId(m.id());
            rep.setMemberName(m.name());
            rep.setUnitOrgId(unit.id());
            rep.setUnitOrgPath(unit.path());
            rep.setCommunityOrgId(community.id());
            rep.setCommunityOrgPath(community.path());
            rep.setFiledBy(BY);
            rep.setFiledAt(at(filed, 9));
            if (recent) {
                rep.setStatus(ReportStatus.FILED);
            } else {
                LocalDate decided = filed.plusDays(r.nextInt(1, 11));
                if (!decided.isBefore(today)) {
                    decided = today.minusDays(1);
                }
                boolean declined = r.nextDouble() < 0.02;
                rep.setStatus(declined ? ReportStatus.DECLINED : ReportStatus.CONFIRMED);
                rep.setDeclineReason(declined ? "经核实不在本社区居住，请向居住地社区报到" : null);
                rep.setDecidedBy(BY);
                rep.setDecidedAt(at(decided, 15));
                rep.setDecidedOn(decided);
            }
            reports.add(rep);
            rows++;
            if (rep.getStatus() == ReportStatus.CONFIRMED) {
                atCommunity.computeIfAbsent(community.id(), k -> new ArrayList<>()).add(new Confirmed(rep, rep.getDecidedOn()));
            }
        }
        repo.insertWithIds(io.zhibu.db.Tables.SERVING_REPORT, io.zhibu.db.Tables.SERVING_REPORT.ID,
                io.zhibu.db.Tables.SERVING_REPORT.MEMBER_ID, reports);
        List<ServingNeedRecord> needs = new ArrayList<>();
        List<ServingSignupRecord> signups = new ArrayList<>();
        List<ServingNeedRecord> signupNeeds = new ArrayList<>();
        for (OrgNode c : communities) {
            SplittableRandom r = region.random("serving-needs", c.id());
            List<Confirmed> people = atCommunity.getOrDefault(c.id(), List.of());
            // past needs: one or two a month since the first report month, served by confirmed members
            for (LocalDate month = from.withDayOfMonth(1); month.isBefore(today); month = month.plusMonths(1)) {
                int n = 1 + r.nextInt(2);
                for (int i = 0; i < n; i++) {
                    LocalDate on = month.plusDays(r.nextInt(month.lengthOfMonth()));
                    if (!on.isBefore(today) || on.isBefore(from)) {
                        continue;
                    }
                    ServingNeedRecord need = need(c, r, on, NeedStatus.CLOSED);
                    needs.add(need);
                    rows++;
                    List<Confirmed> eligible = people.stream().filter(p -> p.on().isBefore(on)).toList();
                    int taken = 0;
                    java.util.Set<Long> signedUp = new java.util.HashSet<>(); // the need is new: its signups are these
                    for (int k = 0; k < need.getPlaces() && !eligible.isEmpty(); k++) {
                        if (r.nextDouble() < 0.25) {
                            continue;
                        }
                        Confirmed p = eligible.get(r.nextInt(eligible.size()));
                        if (!signedUp.add(p.report().getMemberId())) {
                            continue;
                        }
                        boolean unrecorded = on.isAfter(today.minusDays(5)) && r.nextDouble() < 0.5;
                        signups.add(signup(need, p.report(), r, on, unrecorded));
                        signupNeeds.add(need);
                        taken++;
                        rows++;
                    }
                    need.setTaken(taken);
                }
            }
            // open needs of the coming two weeks
            for (int i = 0; i < 2; i++) {
                needs.add(need(c, r, today.plusDays(r.nextInt(1, 15)), NeedStatus.OPEN));
                rows++;
            }
        }
        repo.insertWithIds(io.zhibu.db.Tables.SERVING_NEED, io.zhibu.db.Tables.SERVING_NEED.ID,
                io.zhibu.db.Tables.SERVING_NEED.COMMUNITY_ORG_ID, needs);
        for (int i = 0; i < signups.size(); i++) {
            signups.get(i).setNeedId(signupNeeds.get(i).getId());
        }
        repo.insertWithIds(io.zhibu.db.Tables.SERVING_SIGNUP, io.zhibu.db.Tables.SERVING_SIGNUP.ID,
                io.zhibu.db.Tables.SERVING_SIGNUP.MEMBER_ID, signups);
        for (int i = 0; i < signups.size(); i++) {
            ServingSignupRecord s = signups.get(i);
            if (s.getStatus() == SignupStatus.SERVED) {
                facts.add(new PointFact(PointItem.VOLUNTEERING, "serving:signup:" + s.getId(), s.getMemberId(), s.getServedOn(),
                        "serving-signup", String.valueOf(s.getId()), s.getPoints(), 0, null, "双报到：" + signupNeeds.get(i).getTitle()));
            }
        }
        return rows;
    }

    private static final String[][] TALKS = {{"HARDSHIP", "家中老人住院，生活有困难", "协调帮扶，按季度走访"},
        {"CONFLICT", "与邻居因宅基地发生矛盾", "讲清政策，双方达成谅解"}, {"PROBLEM", "连续两次无故缺席组织生活", "本人作出检讨，表示按时参加"},
        {"PROMOTION", "提拔任职前谈话", "提醒廉洁自律，带头履职"}, {"JOINING", "入党初心和党员义务", "表示将严格要求自己"}};
    private static final String[] VISIT_NOTES = {"春节慰问，送去米面油和慰问金", "七一走访，了解身体和生活情况",
        "住院期间探望，送去慰问金", "帮助申请临时救助", "重阳节慰问高龄老党员"};

    /** 五必谈 and visits of every branch: a few held talks over the year, some still owed, visits at 春节 and 七一. */
    private long care(Region region, List<RosterLine> everyone) {
        Map<Long, List<RosterLine>> byBranch = new java.util.TreeMap<>();
        everyone.forEach(m -> byBranch.computeIfAbsent(m.orgId(), k -> new ArrayList<>()).add(m));
        LocalDate today = region.today();
        long days = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(region.firstDay(), today));
        long rows = 0;
        List<io.zhibu.db.tables.records.ServingVisitRecord> visitRows = new ArrayList<>();
        for (var e : byBranch.entrySet()) {
            List<RosterLine> people = e.getValue();
            SplittableRandom r = region.random("serving-care", e.getKey());
            int held = r.nextInt(1, 4);
            for (int i = 0; i < held + 1; i++) {
                RosterLine m = people.get(r.nextInt(people.size()));
                String[] t = TALKS[r.nextInt(TALKS.length)];
                var talk = repo.newTalk();
                talk.setMemberId(m.id());
                talk.setMemberName(m.name());
                talk.setOrgId(m.orgId());
                talk.setOrgPath(m.orgPath());
                talk.setKind(t[0]);
                talk.setSource("demo:" + i);
                talk.setCreatedAt(at(today.minusDays(40), 9));
                if (i < held) {
                    LocalDate on = region.firstDay().plusDays(r.nextLong(days));
                    talk.setDueOn(on.plusDays(7));
                    talk.setStatus(io.zhibu.serving.TalkStatus.HELD);
                    talk.setHeldOn(on);
                    talk.setPeople("支部书记");
                    talk.setTopic(t[1]);
                    talk.setOutcome(t[2]);
                    talk.setRecordedBy(BY);
                } else if (r.nextDouble() < 0.3) {
                    talk.setDueOn(today.plusDays(r.nextInt(-5, 20)));
                    talk.setStatus(io.zhibu.serving.TalkStatus.DUE);
                } else {
                    continue;
                }
                if (repo.insertTalk(talk)) {
                    rows++;
                }
            }
            int visits = r.nextInt(0, 3);
            for (int i = 0; i < visits; i++) {
                RosterLine m = people.get(r.nextInt(people.size()));
                LocalDate on = region.firstDay().plusDays(r.nextLong(days));
                var v = repo.newVisit();
                v.setMemberId(m.id());
                v.setMemberName(m.name());
                v.setOrgId(m.orgId());
                v.setOrgPath(m.orgPath());
                v.setKind(io.zhibu.serving.VisitKind.values()[r.nextInt(4)]);
                v.setVisitedOn(on);
                v.setVisitors("支部书记、组织委员");
                v.setNotes(VISIT_NOTES[r.nextInt(VISIT_NOTES.length)]);
                v.setCreatedBy(BY);
                v.setCreatedAt(at(on, 17));
                visitRows.add(v);
                rows++;
            }
        }
        repo.insertAll(visitRows);
        return rows;
    }

    private static final String[][] ACTIVITIES = {{"文明城市创建志愿服务", "人民广场"}, {"交通路口文明劝导", "主要路口"},
        {"义务植树", "城郊荒山"}, {"敬老院慰问志愿服务", "县敬老院"}, {"河道清洁志愿行动", "河道沿线"},
        {"政策宣讲进万家", "社区广场"}, {"无偿献血志愿活动", "中心血站"}};

    /**
     * Volunteer activities: each in-service branch organizes one a quarter (about 40 % of its members check in and
     * out, 1–3 hours, posted to their points) and has one coming in the next two weeks.
     */
    private long activities(Region region, Map<Long, OrgNode> units, Map<Long, Double> diligence, List<RosterLine> roster,
                            List<PointFact> facts) {
        List<io.zhibu.db.tables.records.ServingParticipationRecord> done = new ArrayList<>();
        List<io.zhibu.db.tables.records.ServingActivityRecord> doneAt = new ArrayList<>();
        List<io.zhibu.db.tables.records.ServingActivityRecord> acts = new ArrayList<>();
        Map<Long, List<RosterLine>> byUnit = new HashMap<>();
        roster.forEach(m -> byUnit.computeIfAbsent(m.orgId(), k -> new ArrayList<>()).add(m));
        LocalDate today = region.today();
        long rows = 0;
        for (OrgNode u : units.values().stream().sorted(Comparator.comparing(OrgNode::path)).toList()) {
            SplittableRandom r = region.random("serving-activity", u.id());
            List<RosterLine> people = byUnit.getOrDefault(u.id(), List.of());
            double d = diligence.getOrDefault(u.id(), 0.9);
            for (LocalDate q = region.firstDay(); q.isBefore(today.minusDays(1)); q = q.plusMonths(3)) {
                LocalDate on = q.plusDays(r.nextInt(60));
                if (!on.isBefore(today)) {
                    continue;
                }
                var a = activity(u, r, on, 9, 3);
                acts.add(a);
                rows++;
                int taken = 0;
                for (RosterLine m : people) {
                    if (r.nextDouble() > 0.4 * d + 0.1) {
                        continue;
                    }
                    int minutes = 60 + 30 * r.nextInt(5);
                    int award = ServingRules.points(minutes);
                    var p = repo.newParticipation();
                    p.setMemberId(m.id());
                    p.setMemberName(m.name());
                    p.setOrgId(m.orgId());
                    p.setOrgPath(m.orgPath());
                    p.setActivityOrgPath(a.getOrgPath());
                    p.setStatus(io.zhibu.serving.ParticipationStatus.DONE);
                    p.setWrongCodes(0);
                    p.setSignedUpAt(at(on.minusDays(3), 20));
                    p.setCheckedInAt(a.getStartsAt());
                    p.setCheckedOutAt(a.getStartsAt().plusMinutes(minutes));
                    p.setServedOn(on);
                    p.setMinutes(minutes);
                    p.setPoints(award);
                    done.add(p);
                    doneAt.add(a);
                    taken++;
                    rows++;
                }
                a.setTaken(taken);
            }
            acts.add(activity(u, r, today.plusDays(r.nextInt(1, 15)), 9, 3));
            rows++;
        }
        repo.insertWithIds(io.zhibu.db.Tables.SERVING_ACTIVITY, io.zhibu.db.Tables.SERVING_ACTIVITY.ID,
                io.zhibu.db.Tables.SERVING_ACTIVITY.ORG_ID, acts);
        for (int i = 0; i < done.size(); i++) {
            var p = done.get(i);
            var a = doneAt.get(i);
            p.setActivityId(a.getId());
            facts.add(new PointFact(PointItem.VOLUNTEERING, "serving:activity:" + a.getId() + ":member:" + p.getMemberId(),
                    p.getMemberId(), p.getServedOn(), "serving-activity", String.valueOf(a.getId()), p.getPoints(), 0, null,
                    "志愿服务：" + a.getTitle()));
        }
        for (int i = 0; i < done.size(); i += 5_000) {
            repo.insertAll(done.subList(i, Math.min(done.size(), i + 5_000)));
        }
        return rows;
    }

    private io.zhibu.db.tables.records.ServingActivityRecord activity(OrgNode u, SplittableRandom r, LocalDate on, int hour, int hours) {
        String[] t = ACTIVITIES[r.nextInt(ACTIVITIES.length)];
        var a = repo.newActivity();
        a.setOrgId(u.id());
        a.setOrgPath(u.path());
        a.setTitle(t[0]);
        a.setPlace(t[1]);
        a.setStartsAt(at(on, hour));
        a.setEndsAt(at(on, hour + hours));
        a.setPlaces(60);
        a.setTaken(0);
        a.setCheckinCode(io.zhibu.serving.CheckinCodes.newCode());
        a.setStatus(NeedStatus.OPEN);
        a.setCreatedBy(BY);
        a.setCreatedAt(at(on.minusDays(10), 10));
        return a; // written with the others (ids in order)
    }

    private ServingNeedRecord need(OrgNode c, SplittableRandom r, LocalDate on, NeedStatus status) {
        String[] t = NEEDS[r.nextInt(NEEDS.length)];
        ServingNeedRecord n = repo.newNeed();
        n.setCommunityOrgId(c.id());
        n.setCommunityOrgPath(c.path());
        n.setKind(NeedKind.valueOf(t[0]));
        n.setTitle(t[1]);
        n.setPlace(t[2]);
        n.setNeedOn(on);
        n.setPlaces(t[0].equals("WISH") ? 1 : 3 + r.nextInt(6));
        n.setTaken(0);
        n.setStatus(status);
        n.setCreatedBy(BY);
        n.setCreatedAt(at(on.minusDays(7), 10));
        return n; // written with the others (ids in order)
    }

    /** A sign-up of the need (written later with the others, once the need has its id). */
    private ServingSignupRecord signup(ServingNeedRecord need, ServingReportRecord rep, SplittableRandom r, LocalDate on,
                                       boolean unrecorded) {
        ServingSignupRecord s = repo.newSignup();
        s.setReportId(rep.getId());
        s.setMemberId(rep.getMemberId());
        s.setMemberName(rep.getMemberName());
        s.setUnitOrgId(rep.getUnitOrgId());
        s.setUnitOrgPath(rep.getUnitOrgPath());
        s.setCommunityOrgId(need.getCommunityOrgId());
        s.setCommunityOrgPath(need.getCommunityOrgPath());
        s.setSignedUpAt(at(on.minusDays(r.nextInt(1, 6)), 20));
        if (unrecorded) {
            s.setStatus(SignupStatus.SIGNED_UP);
            return s;
        }
        int minutes = 60 + 30 * r.nextInt(7);
        int award = ServingRules.points(minutes);
        s.setStatus(SignupStatus.SERVED);
        s.setServedOn(on);
        s.setMinutes(minutes);
        s.setFeedback(FEEDBACK[r.nextInt(FEEDBACK.length)]);
        s.setPoints(award);
        s.setRecordedBy(BY);
        s.setRecordedAt(at(on, 18));
        return s;
    }

    private static OffsetDateTime at(LocalDate d, int hour) {
        return OffsetDateTime.of(d, LocalTime.of(hour, 0), ZoneOffset.ofHours(8));
    }
}
