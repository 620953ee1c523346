package io.zhibu.assessment;

import io.zhibu.assessment.internal.AssessmentRepository;
import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.AssessmentCampaignRecord;
import io.zhibu.db.tables.records.AssessmentResultRecord;
import io.zhibu.db.tables.records.AssessmentXItemRecord;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 青神“6+X”自选清单: a branch proposes its own X items for a campaign whose system reserves X points
 * ({@link XItems}); its superior approves or returns them; approved items are scored for that branch only.
 * Scope: the branch (proposes, sees its own), the superior (decides, sees its subtree); anything else 404.
 */
@Service
public class XItemService {
    private final AssessmentService assessment;
    private final AssessmentRepository repo;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    public XItemService(AssessmentService assessment, AssessmentRepository repo, AuditLog audit, Clock clock,
                        TransactionTemplate tx) {
        this.assessment = assessment;
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** What the branch proposes. */
    public record XItemForm(Long orgId, String name, String content, BigDecimal points, String evidenceRequired) {
    }

    /** The superior's decision; {@code note} is required to return an item. */
    public record XDecisionForm(String decision, String note) {
    }

    public record XItemView(long id, long campaignId, long orgId, String orgName, String name, String content,
                            BigDecimal points, String evidenceRequired, XItemStatus status, String proposedBy,
                            OffsetDateTime proposedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote,
                            boolean canDecide) {
    }

    /** A branch's X items of a campaign with its allowance: reserved points, points held (proposed + approved). */
    public record XItemList(long campaignId, String campaignName, String campaignStatus, BigDecimal allowance,
                            BigDecimal held, List<XItemView> items) {
    }

    /** The X items of the campaign the caller sees (one branch's when {@code orgId} is given). */
    public XItemList list(DataScope scope, long campaignId, Long orgId) {
        AssessmentCampaignRecord c = assessment.visibleCampaign(scope, campaignId);
        if (orgId != null) {
            assessment.visibleResult(scope, c, orgId);
        }
        List<AssessmentXItemRecord> rows = repo.xItems(campaignId, scope.orgPath(), orgId);
        BigDecimal held = orgId == null ? BigDecimal.ZERO : held(rows);
        return new XItemList(c.getId(), c.getName(), c.getStatus(), allowance(c), held,
                rows.stream().map(r -> view(scope, r)).toList());
    }

    /** 申报自选项: the branch proposes an item while the campaign is open, within the X allowance. */
    public XItemView propose(DataScope scope, long campaignId, XItemForm form) {
        AssessmentCampaignRecord c = assessment.visibleCampaign(scope, campaignId);
        if (form == null || form.orgId() == null) {
            throw InvalidInputException.of("orgId", "validation.required");
        }
        AssessmentResultRecord r = assessment.visibleResult(scope, c, form.orgId());
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("X items are proposed by the branch");
        }
        if (!"OPEN".equals(c.getStatus())) {
            throw new ConflictException("assessment.x.closed");
        }
        BigDecimal allowance = allowance(c);
        List<Violation> errors = new ArrayList<>();
        String name = InvalidInputException.collect(errors, () -> TextInput.required(form.name(), "name", 100));
        String content = InvalidInputException.collect(errors, () -> TextInput.required(form.content(), "content", 2000));
        String evidence = InvalidInputException.collect(errors,
                () -> TextInput.required(form.evidenceRequired(), "evidenceRequired", 500));
        BigDecimal held = held(repo.xItems(campaignId, null, form.orgId()));
        if (allowance.signum() == 0) {
            errors.add(new Violation("points", "assessment.x.noAllowance"));
        } else if (form.points() == null || form.points().stripTrailingZeros().scale() > 2
                || !XItems.fits(allowance, held, form.points())) {
            errors.add(new Violation("points", "assessment.x.points", allowance.subtract(held).max(BigDecimal.ZERO)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return tx.execute(st -> {
            AssessmentXItemRecord x = new AssessmentXItemRecord();
            x.setCampaignId(campaignId);
            x.setOrgId(r.getOrgId());
            x.setOrgPath(r.getOrgPath());
            x.setOrgName(r.getOrgName());
            x.setName(name);
            x.setContent(content);
            x.setPoints(form.points().setScale(2, java.math.RoundingMode.HALF_UP));
            x.setEvidenceRequired(evidence);
            x.setStatus(XItemStatus.PROPOSED);
            x.setProposedBy(scope.username());
            x.setProposedAt(OffsetDateTime.now(clock));
            x.setVersion(0);
            AssessmentXItemRecord saved = repo.insertXItem(x);
            audit.success("assessment.x.propose", "assessment_x_item", saved.getId(), r.getOrgPath(),
                    name + " " + saved.getPoints());
            return view(scope, saved);
        });
    }

    /** 审核: the superior approves (the branch is rescored with the item) or returns it with a reason. */
    public XItemView decide(DataScope scope, long id, XDecisionForm form) {
        AssessmentXItemRecord x = repo.xItem(id).filter(r -> scope.covers(r.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("x item", id));
        AssessmentCampaignRecord c = assessment.visibleCampaign(scope, x.getCampaignId());
        AssessmentResultRecord r = assessment.visibleResult(scope, c, x.getOrgId());
        if (!AssessmentService.canSpotCheck(scope, x.getOrgPath())) {
            throw new ForbiddenException("X items are approved by the superior");
        }
        AssessmentService.requireNotPublished(c);
        XItemStatus.Decision d;
        try {
            d = XItemStatus.Decision.valueOf(form == null || form.decision() == null ? "" : form.decision());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("decision", "assessment.x.decision");
        }
        List<Violation> errors = new ArrayList<>();
        String note = InvalidInputException.collect(errors, () -> d == XItemStatus.Decision.RETURN
                ? TextInput.required(form.note(), "note", 1000) : TextInput.optional(form.note(), "note", 1000));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        XItemStatus now = x.getStatus();
        if (now != XItemStatus.PROPOSED) {
            throw new ConflictException("assessment.x.decided");
        }
        XItemStatus next = now.decide(d);
        if (next == XItemStatus.APPROVED) {
            BigDecimal approved = repo.xItems(c.getId(), null, x.getOrgId()).stream()
                    .filter(o -> o.getStatus() == XItemStatus.APPROVED)
                    .map(AssessmentXItemRecord::getPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!XItems.fits(allowance(c), approved, x.getPoints())) {
                throw new ConflictException("assessment.x.overAllowance");
            }
        }
        tx.executeWithoutResult(st -> {
            if (!repo.decideXItem(id, x.getVersion(), next, scope.username(), OffsetDateTime.now(clock), note)) {
                throw new ConflictException("error.concurrentChange");
            }
            if (next == XItemStatus.APPROVED) {
                assessment.rescoreBranch(c, r);
            }
            audit.success("assessment.x." + d.name().toLowerCase(), "assessment_x_item", id, x.getOrgPath(),
                    x.getName() + (note == null ? "" : ": " + note));
        });
        return view(scope, repo.xItem(id).orElseThrow());
    }

    private BigDecimal allowance(AssessmentCampaignRecord c) {
        return XItems.allowance(AssessmentService.body(repo.system(c.getSystemId()).orElseThrow()));
    }

    private static BigDecimal held(List<AssessmentXItemRecord> rows) {
        return rows.stream().filter(o -> o.getStatus().holdsPoints())
                .map(AssessmentXItemRecord::getPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static XItemView view(DataScope scope, AssessmentXItemRecord r) {
        XItemStatus s = r.getStatus();
        return new XItemView(r.getId(), r.getCampaignId(), r.getOrgId(), r.getOrgName(), r.getName(), r.getContent(),
                r.getPoints(), r.getEvidenceRequired(), s, r.getProposedBy(), r.getProposedAt(), r.getDecidedBy(),
                r.getDecidedAt(), r.getDecisionNote(),
                s == XItemStatus.PROPOSED && AssessmentService.canSpotCheck(scope, r.getOrgPath()));
    }
}
