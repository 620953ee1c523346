package io.zhibu.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.member.ExitedMember;
import io.zhibu.member.LifecycleChange;
import io.zhibu.member.MemberEventView;
import io.zhibu.member.MemberLifecycle;
import io.zhibu.member.MemberView;
import io.zhibu.member.RosterAtDate;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Member lifecycle API (党员状态): history, status changes, the roster on a date, exited members. */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "member lifecycle", description = "Member status changes and history (rules.md §3)")
public class LifecycleApiController {
    private final MemberLifecycle lifecycle;

    public LifecycleApiController(MemberLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "The member's dated history, newest first")
    public List<MemberEventView> timeline(@PathVariable long id) {
        return lifecycle.timeline(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/events")
    @Operation(summary = "Record a status change (转正, 停止/恢复党籍, 出党, 死亡, 流动, 失联, 处分); 409 if the state forbids it")
    public MemberView record(@PathVariable long id, @RequestBody LifecycleChange change) {
        return lifecycle.record(CurrentScope.get(), id, change);
    }

    @GetMapping("/as-of")
    @Operation(summary = "The roster and its counts on a date, computed from the history; orgId = subtree")
    public RosterAtDate asOf(@RequestParam(required = false) LocalDate date, @RequestParam(required = false) Long orgId,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return lifecycle.rosterAt(CurrentScope.get(), orgId, date, page, size);
    }

    @GetMapping("/exited")
    @Operation(summary = "Members who left (出党, 死亡) in the caller's scope")
    public Page<ExitedMember> exited(@RequestParam(required = false) Long orgId,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        return lifecycle.exited(CurrentScope.get(), orgId, page, size);
    }
}
