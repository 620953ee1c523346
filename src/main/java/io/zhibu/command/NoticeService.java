package io.zhibu.command;

import static io.zhibu.db.Tables.COMMAND_NOTICE;
import static io.zhibu.db.Tables.COMMAND_NOTICE_ORG;
import static io.zhibu.db.Tables.COMMAND_NOTICE_READ;

import io.zhibu.audit.AuditLog;
import io.zhibu.command.internal.NoticeRepository;
import io.zhibu.db.tables.records.CommandNoticeCountRecord;
import io.zhibu.db.tables.records.CommandNoticeRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Page;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 通知公告 (issue 17 point 2). Staff and secretaries send a notice to organizations below them (their secretaries
 * and staff read it) or to every member of a subtree; opening it records the read receipt (once). The sender sees
 * who has read it and who has not: organizations by name, members as counts per organization. The receipts board
 * reads counters ({@code command_notice_count}, {@link CounterTree}, the notice's own rollup): written once at
 * sending — for members, the member count of every branch in one grouped query through the org module
 * ({@link OrgService#membersByOrg}) — and moved by one count on the reader's path in the read receipt's transaction;
 * no member list is copied and no receipt is counted when the board is read.
 */
@Service
public class NoticeService {
    private final NoticeRepository repo;
    private final TargetResolver resolver;
    private final OrgService orgs;
    private final AuditLog audit;

    public NoticeService(NoticeRepository repo, TargetResolver resolver, OrgService orgs, AuditLog audit) {
        this.repo = repo;
        this.resolver = resolver;
        this.orgs = orgs;
        this.audit = audit;
    }

    private static final List<OrgType> BRANCH_TYPES = List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH);

    /** Every branch below (or being) the root that holds members, weighted by its members. */
    private List<CounterTree.Leaf> memberLeaves(DataScope scope, Organization root) {
        Map<Long, Long> members = orgs.membersByOrg(scope, root.id());
        List<Organization> branches = root.type().holdsMembers() ? List.of(root) : orgs.activeIn(scope, root.id(), BRANCH_TYPES);
        List<CounterTree.Leaf> out = new ArrayList<>(branches.size());
        for (Organization b : branches) {
            long m = members.getOrDefault(b.id(), 0L);
            if (m > 0) {
                out.add(new CounterTree.Leaf(b.id(), b.path(), b.name(), (int) Math.min(Integer.MAX_VALUE, m)));
            }
        }
        return out;
    }

    @Transactional
    public long send(DataScope scope, NewNotice n) {
        requireSender(scope);
        Organization sender = orgs.get(scope, scope.scopeOrgId());
        List<Violation> errors = new ArrayList<>();
        String title = InvalidInputException.collect(errors, () -> TextInput.required(n.title(), "title", 100));
        String body = InvalidInputException.collect(errors, () -> TextInput.required(n.body(), "body", 4000));
        if (n.audience() == null) {
            errors.add(new Violation("audience", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CommandNoticeRecord r = new CommandNoticeRecord();
        r.setRegionOrgId(sender.regionOrgId());
        r.setSenderOrgId(sender.id());
        r.setSenderOrgPath(sender.path());
        r.setSenderOrgName(sender.name());
        r.setAudience(n.audience());
        r.setTitle(title);
        r.setBody(body);
        r.setCreatedBy(scope.username());
        TargetResolver.Resolved targets = null;
        if (n.audience() == NoticeAudience.ORGS) {
            targets = resolver.resolve(scope, sender, n.targets());
            r.setRecipientCount(targets.list().size());
        } else {
            Organization root;
            try {
                root = orgs.get(scope, n.rootOrgId() == null ? sender.id() : n.rootOrgId());
            } catch (NotFoundException e) {
                throw InvalidInputException.of("rootOrgId", "command.targets.unknown");
            }
            if (!root.path().startsWith(sender.path())) {
                throw InvalidInputException.of("rootOrgId", "command.targets.unknown");
            }
            r.setRootOrgId(root.id());
            r.setRootOrgPath(root.path());
        }
        List<io.zhibu.command.internal.TaskRepository.Counter> counters;
        if (targets != null) {
            counters = CounterTree.build(sender.id(), sender.path(), sender.name(), targets.list().stream()
                    .map(t -> new CounterTree.Leaf(t.orgId(), t.path(), t.name(), 1)).toList(), orgs::namesOf);
        } else {
            Organization root = orgs.get(scope, r.getRootOrgId());
            counters = CounterTree.build(root.id(), root.path(), root.name(), memberLeaves(scope, root), orgs::namesOf);
            r.setRecipientCount(counters.getFirst().total());
        }
        long id = repo.insert(r);
        if (targets != null) {
            repo.insertOrgs(id, targets.list());
        }
        repo.insertCounts(id, counters);
        audit.success("command.notice.send", "notice", id, sender.path(), n.audience() + " " + title + " → "
                + r.getRecipientCount());
        return id;
    }

    /** Notices sent from inside the caller's scope. */
    @Transactional(readOnly = true)
    public Page<NoticeView> sent(DataScope scope, Integer page, Integer size) {
        requireSender(scope);
        var c = NoticeRepository.sentWithin(scope.orgPath());
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        return new Page<>(repo.sent(c, p, s).stream().map(x -> view(x, true)).toList(), p, s, repo.countSent(c));
    }

    /** Notices addressed to the caller: a member's (to the members of a subtree it is in), or its organization's. */
    @Transactional(readOnly = true)
    public List<NoticeView> received(DataScope scope) {
        List<? extends Record> rows;
        if (scope.role() == Role.MEMBER && scope.selfMemberId() != null && scope.scopeOrgId() != null) {
            rows = repo.toMember(scope.selfMemberId(), scope.orgPath(), Page.MAX_SIZE);
            return rows.stream().map(x -> view(x.into(COMMAND_NOTICE), x.get(COMMAND_NOTICE_READ.READ_AT) != null)).toList();
        }
        if ((scope.role() == Role.BRANCH_SECRETARY || scope.role() == Role.ORG_STAFF) && scope.scopeOrgId() != null) {
            rows = repo.toOrg(scope.scopeOrgId(), Page.MAX_SIZE);
            return rows.stream().map(x -> view(x.into(COMMAND_NOTICE), x.get(COMMAND_NOTICE_ORG.READ_AT) != null)).toList();
        }
        return List.of();
    }

    /**
     * Opens a notice: an addressee's first opening records its read receipt (audited); the sender side sees it
     * as sent. Anyone else: 404.
     */
    @Transactional
    public NoticeView open(DataScope scope, long id) {
        CommandNoticeRecord n = repo.find(id).orElseThrow(() -> new NotFoundException("notice", id));
        NoticeAudience audience = n.getAudience();
        if (scope.role() == Role.MEMBER) {
            if (audience == NoticeAudience.MEMBERS && scope.selfMemberId() != null && scope.scopeOrgId() != null
                    && OrgPath.covers(n.getRootOrgPath(), scope.orgPath())) {
                if (repo.markMemberRead(id, scope.selfMemberId(), scope.scopeOrgId(), scope.orgPath())) {
                    repo.countRead(id, CounterTree.pathIds(n.getRootOrgPath(), scope.orgPath()));
                    audit.success("command.notice.read", "notice", id, scope.orgPath(), "member " + scope.selfMemberId());
                }
                return view(n, true);
            }
            throw new NotFoundException("notice", id);
        }
        java.util.Optional<Record> own = audience == NoticeAudience.ORGS && scope.scopeOrgId() != null
                ? repo.orgRow(id, scope.scopeOrgId()) : java.util.Optional.empty();
        if (own.isPresent()) {
            if (repo.markOrgRead(id, scope.scopeOrgId(), scope.username())) {
                repo.countRead(id, CounterTree.pathIds(n.getSenderOrgPath(), own.get().get(COMMAND_NOTICE_ORG.ORG_PATH)));
                audit.success("command.notice.read", "notice", id, scope.orgPath(), "org " + scope.scopeOrgId());
            }
            return view(n, true);
        }
        if (scope.canManageMembers() && scope.covers(n.getSenderOrgPath())) {
            return view(n, true);
        }
        throw new NotFoundException("notice", id);
    }

    /** Read receipts below the sender or a child drilled into; the sender side only. */
    @Transactional(readOnly = true)
    public NoticeReceipts receipts(DataScope scope, long id, Long orgId) {
        requireSender(scope);
        CommandNoticeRecord n = repo.find(id).filter(x -> scope.covers(x.getSenderOrgPath()))
                .orElseThrow(() -> new NotFoundException("notice", id));
        NoticeAudience audience = n.getAudience();
        String top = audience == NoticeAudience.MEMBERS ? n.getRootOrgPath() : n.getSenderOrgPath();
        long topId = audience == NoticeAudience.MEMBERS ? n.getRootOrgId() : n.getSenderOrgId();
        long underId = orgId == null ? topId : orgId;
        // the common case, one read: the organization's counter row and its children's (rows exist only inside the
        // notice's tree, which lies inside the caller's scope — checked on the notice above)
        List<CommandNoticeCountRecord> rows = repo.countRows(id, underId);
        CommandNoticeCountRecord own = rows.stream().filter(r -> r.getOrgId() == underId).findFirst().orElse(null);
        if (own != null) {
            List<NoticeReceipts.Line> children = new ArrayList<>();
            List<NoticeReceipts.Line> unread = new ArrayList<>();
            for (CommandNoticeCountRecord c : rows) {
                if (c != own) {
                    children.add(NoticeReceipts.Line.of(c.getOrgId(), c.getOrgName(), c.getTotal(), c.getReadCount()));
                }
            }
            if (audience == NoticeAudience.ORGS) {
                for (Record x : repo.unreadOrgs(id, own.getOrgPath(), Page.MAX_SIZE)) {
                    unread.add(NoticeReceipts.Line.of(x.get(COMMAND_NOTICE_ORG.ORG_ID), x.get(COMMAND_NOTICE_ORG.ORG_NAME), 1, 0));
                }
            }
            children.sort(java.util.Comparator.comparingLong((NoticeReceipts.Line l) -> -l.unread()));
            return new NoticeReceipts(id, n.getTitle(), audience, underId, own.getOrgName(), own.getTotal(),
                    own.getReadCount(), Math.max(0, own.getTotal() - own.getReadCount()), children, unread);
        }
        Organization under = orgs.get(scope, underId);
        if (!under.path().startsWith(top)) {
            throw new NotFoundException("organization", orgId);
        }
        List<NoticeReceipts.Line> children = new ArrayList<>();
        List<NoticeReceipts.Line> unread = new ArrayList<>();
        long total = 0;
        long read = 0;
        if (repo.count(id, topId).isPresent()) {
            // from the counters: the organization's row and its children's, a few rows by key
            // an organization of the notice's tree with no addressee below it (a drill-down past the counters)
            CommandNoticeCountRecord row = repo.count(id, under.id()).orElse(null);
            total = row == null ? 0 : row.getTotal();
            read = row == null ? 0 : row.getReadCount();
            for (CommandNoticeCountRecord c : repo.countChildren(id, under.id())) {
                children.add(NoticeReceipts.Line.of(c.getOrgId(), c.getOrgName(), c.getTotal(), c.getReadCount()));
            }
            if (audience == NoticeAudience.ORGS) {
                for (Record x : repo.unreadOrgs(id, under.path(), Page.MAX_SIZE)) {
                    unread.add(NoticeReceipts.Line.of(x.get(COMMAND_NOTICE_ORG.ORG_ID), x.get(COMMAND_NOTICE_ORG.ORG_NAME), 1, 0));
                }
            }
        } else if (audience == NoticeAudience.ORGS) { // sent before the counters (V37_1): counted live
            Map<String, long[]> figures = repo.orgFigures(id, under.path());
            List<Long> ids = figures.keySet().stream().filter(k -> k.length() > under.path().length())
                    .map(k -> OrgPath.idAt(k, OrgPath.depth(k))).toList();
            Map<Long, String> names = orgs.namesOf(ids);
            for (var e : figures.entrySet()) {
                total += e.getValue()[0];
                read += e.getValue()[1];
                if (e.getKey().length() > under.path().length()) {
                    long child = OrgPath.idAt(e.getKey(), OrgPath.depth(e.getKey()));
                    children.add(NoticeReceipts.Line.of(child, names.getOrDefault(child, ""), e.getValue()[0], e.getValue()[1]));
                }
            }
            for (Record x : repo.unreadOrgs(id, under.path(), Page.MAX_SIZE)) {
                unread.add(NoticeReceipts.Line.of(x.get(COMMAND_NOTICE_ORG.ORG_ID), x.get(COMMAND_NOTICE_ORG.ORG_NAME), 1, 0));
            }
        } else {
            Map<String, Long> reads = repo.memberReads(id, under.path());
            total = orgs.detail(scope, under.id()).subtree().total();
            read = reads.values().stream().mapToLong(Long::longValue).sum();
            for (Organization c : orgs.children(scope, under.id(), false)) {
                long members = orgs.detail(scope, c.id()).subtree().total();
                children.add(NoticeReceipts.Line.of(c.id(), c.name(), members, reads.getOrDefault(c.path(), 0L)));
            }
        }
        children.sort(java.util.Comparator.comparingLong((NoticeReceipts.Line l) -> -l.unread()));
        return new NoticeReceipts(id, n.getTitle(), audience, under.id(), under.name(), total, read, Math.max(0, total - read),
                children, unread);
    }

    private static NoticeView view(CommandNoticeRecord n, boolean read) {
        return new NoticeView(n.getId(), n.getTitle(), n.getBody(), n.getAudience(),
                n.getSenderOrgName(), n.getRecipientCount(), n.getCreatedAt(), read);
    }

    private static void requireSender(DataScope scope) {
        if (!scope.canManageMembers() || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's staff or secretary send notices");
        }
    }
}
