package io.zhibu.transfer.internal;

import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberService;
import io.zhibu.member.RosterLine;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.demo.LivedYear;
import io.zhibu.transfer.NewTransfer;
import io.zhibu.transfer.TransferAction;
import io.zhibu.transfer.TransferChannel;
import io.zhibu.transfer.TransferCommand;
import io.zhibu.transfer.TransferKind;
import io.zhibu.transfer.TransferService;
import io.zhibu.transfer.TransferView;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Transfers of a lived year (rules.md §4), through {@link TransferService} so that every step passes the state
 * machine, the dues check (R4.4) and moves the member on completion: about one transfer per ten branches (at most
 * 300) — most completed inside the region, some issued and on their way, some waiting for the sending committee's
 * approval (a to-do), a few paper letters out of the platform. Afterwards the module dates its own rows back into the
 * year (the letters' dates and the steps' times), keeping the order and R4.5 validity.
 */
@Component
class TransferLivedYear implements LivedYear {
    private static final Logger log = LoggerFactory.getLogger(TransferLivedYear.class);
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private static final String[] REASONS = {"工作调动", "外出务工，转入务工地党组织", "升学", "退休后随子女居住", "家庭住址变更",
        "应聘到新单位工作"};
    private static final String[] OUTSIDE = {"中共郑州市金水区文化路街道工作委员会", "中共北京市海淀区中关村街道工作委员会",
        "中共上海市浦东新区张江镇委员会", "中共深圳市南山区粤海街道工作委员会"};

    private final TransferService transfers;
    private final org.springframework.beans.factory.ObjectProvider<io.zhibu.transfer.DuesClearance> dues;
    private final MemberService members;
    private final OrgService orgs;
    private final TransferRepository repo;

    TransferLivedYear(TransferService transfers,
                      org.springframework.beans.factory.ObjectProvider<io.zhibu.transfer.DuesClearance> dues,
                      MemberService members, OrgService orgs, TransferRepository repo) {
        this.transfers = transfers;
        this.dues = dues;
        this.members = members;
        this.orgs = orgs;
        this.repo = repo;
    }

    @Override
    public String name() {
        return "transfers";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public long generate(Region region) {
        List<OrgNode> branches = orgs.activeNodes().stream()
                .filter(n -> n.type().holdsMembers() && region.covers(n.path()))
                .sorted(java.util.Comparator.comparing(OrgNode::path)).toList();
        if (branches.size() < 2) {
            return 0;
        }
        Map<Long, List<RosterLine>> roster = members.rosterLines(SYSTEM, region.rootPath()).stream()
                .filter(m -> m.category() == MemberCategory.FULL).collect(Collectors.groupingBy(RosterLine::orgId));
        SplittableRandom r = region.random("transfers", region.rootId());
        int wanted = Math.min(300, Math.max(8, branches.size() / 10));
        int made = 0;
        for (int attempt = 0; made < wanted && attempt < wanted * 10; attempt++) {
            OrgNode from = branches.get(r.nextInt(branches.size()));
            List<RosterLine> people = roster.getOrDefault(from.id(), List.of());
            if (people.size() < 6) {
                continue;
            }
            // not the first members in roster order: the demo accounts and the committees stay where they are
            RosterLine m = people.get(3 + r.nextInt(people.size() - 3));
            OrgNode to = branches.get(r.nextInt(branches.size()));
            int kind = made % 10; // 0–5 completed, 6–7 issued, 8 submitted, 9 out of the platform
            // R4.4: only members whose dues are paid up to this month are approved out; pick another otherwise
            var clearance = dues.getIfAvailable(() -> io.zhibu.transfer.DuesClearance.UNKNOWN)
                    .check(m.id(), java.time.YearMonth.from(region.today()));
            if (clearance.status() == io.zhibu.transfer.DuesClearance.Status.OWING) {
                continue;
            }
            try {
                TransferView t = kind == 9
                        ? transfers.create(SYSTEM, new NewTransfer(TransferKind.OUTGOING, m.id(), null, null,
                                OUTSIDE[r.nextInt(OUTSIDE.length)], TransferChannel.PAPER, REASONS[r.nextInt(REASONS.length)],
                                null, null, null, null))
                        : transfers.create(SYSTEM, new NewTransfer(TransferKind.INTERNAL, m.id(), to.id(), null, null,
                                TransferChannel.ONLINE, REASONS[r.nextInt(REASONS.length)], null, null, null, null));
                List<TransferAction> way = switch (kind) {
                    case 6, 7, 9 -> List.of(TransferAction.SUBMIT, TransferAction.APPROVE_OUT, TransferAction.ISSUE);
                    case 8 -> List.of(TransferAction.SUBMIT);
                    default -> List.of(TransferAction.SUBMIT, TransferAction.APPROVE_OUT, TransferAction.ISSUE,
                            TransferAction.ACCEPT, TransferAction.REPORT, TransferAction.COMPLETE);
                };
                for (TransferAction a : way) {
                    t = transfers.act(SYSTEM, t.id(), new TransferCommand(a, t.version(), null,
                            a == TransferAction.ISSUE ? 3 : null, a == TransferAction.REPORT ? to.id() : null, null));
                }
                // dates back into the year: completed ones 1–10 months ago, the open ones within the last weeks
                int back = kind <= 5 ? 30 + r.nextInt(280) : 3 + r.nextInt(20);
                backdate(t.id(), back);
                made++;
                people.remove(m);
            } catch (RuntimeException e) {
                log.debug("lived-year transfer of member {} skipped: {}", m.id(), e.getMessage());
            }
        }
        return made;
    }

    private void backdate(long id, int days) {
        repo.backdate(id, days); // the steps keep their order, one a day or so from the start
    }
}
