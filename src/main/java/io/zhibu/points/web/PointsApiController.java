package io.zhibu.points.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.points.PointsService;
import io.zhibu.points.PointsViews;
import io.zhibu.points.internal.PointsRepository.Metric;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Member points API (党员积分, 积分定星, rankings), rules.md §8.4. */
@RestController
@RequestMapping("/api/v1/points")
@Tag(name = "points", description = "Member points (党员积分), stars (积分定星) and rankings, rules.md §8.4")
public class PointsApiController {
    private final PointsService points;

    public PointsApiController(PointsService points) {
        this.points = points;
    }

    @GetMapping("/rules")
    @Operation(summary = "The configured items (points, range, caps), the base and the star tiers")
    public PointsViews.Rules rules() {
        CurrentScope.get();
        return points.rules();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in member's points of the year, each line with how it was earned")
    public PointsViews.MemberPoints me(@RequestParam(required = false) Integer year) {
        DataScope scope = CurrentScope.get();
        if (scope.selfMemberId() == null) {
            throw new NotFoundException("member", "self");
        }
        return points.member(scope, scope.selfMemberId(), year);
    }

    @GetMapping("/members/{memberId}")
    @Operation(summary = "A member's points of the year (ledger with links to the facts); members: their own only")
    public PointsViews.MemberPoints member(@PathVariable long memberId, @RequestParam(required = false) Integer year) {
        return points.member(CurrentScope.get(), memberId, year);
    }

    @GetMapping("/members/{memberId}/stars")
    @Operation(summary = "A member's stars (积分定星) for the year, for the member's page")
    public PointsViews.Stars stars(@PathVariable long memberId, @RequestParam(required = false) Integer year) {
        return points.stars(CurrentScope.get(), memberId, year);
    }

    @PostMapping("/members/{memberId}/entries")
    @Operation(summary = "The branch enters a non-automatic item with a reason (idempotency key; audited)")
    public PointsViews.Entry enter(@PathVariable long memberId, @RequestBody PointsViews.ManualForm form) {
        return points.enter(CurrentScope.get(), memberId, form);
    }

    @PostMapping("/entries/{entryId}/reverse")
    @Operation(summary = "Correct an entry by a reversing entry with a reason (audited)")
    public PointsViews.Entry reverse(@PathVariable long entryId, @RequestBody PointsViews.ReverseForm form) {
        return points.reverse(CurrentScope.get(), entryId, form);
    }

    @GetMapping("/orgs/{orgId}/roster")
    @Operation(summary = "The branch roster with each member's points and stars")
    public List<PointsViews.RosterLine> roster(@PathVariable long orgId, @RequestParam(required = false) Integer year) {
        return points.roster(CurrentScope.get(), orgId, year);
    }

    @GetMapping("/rankings/members")
    @Operation(summary = "Members of a subtree (default: the caller's scope) ranked by POINTS, STUDY or QUIZ")
    public Page<PointsViews.MemberRank> memberRanking(@RequestParam(required = false) Long orgId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Metric by,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return points.memberRanking(CurrentScope.get(), orgId, year, by, page, size);
    }

    @GetMapping("/rankings/branches")
    @Operation(summary = "Branches of a subtree ranked by the per-member average of POINTS, STUDY or QUIZ")
    public Page<PointsViews.BranchRank> branchRanking(@RequestParam(required = false) Long orgId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Metric by,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return points.branchRanking(CurrentScope.get(), orgId, year, by, page, size);
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Recompute the year's rollups from the ledger (platform administrator); reports agreement")
    public PointsViews.RebuildResult rebuild(@RequestParam(required = false) Integer year) {
        return points.rebuild(CurrentScope.get(), year);
    }
}
