package io.zhibu.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.command.NewNotice;
import io.zhibu.command.NoticeReceipts;
import io.zhibu.command.NoticeService;
import io.zhibu.command.NoticeView;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 通知公告 (issue 17 points 2 and 8): send, the caller's notices, open (read receipt), receipts for the sender. */
@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "notices", description = "Notices to organizations or members with read receipts (issue 17)")
public class NoticeApiController {
    private final NoticeService notices;

    public NoticeApiController(NoticeService notices) {
        this.notices = notices;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send a notice {title, body, audience: ORGS (targets as a task's) | MEMBERS (rootOrgId)}")
    public Map<String, Long> send(@RequestBody NewNotice body) {
        return Map.of("id", notices.send(CurrentScope.get(), body));
    }

    @GetMapping
    @Operation(summary = "Notices addressed to the caller (a member, or the caller's organization), newest first")
    public List<NoticeView> received() {
        return notices.received(CurrentScope.get());
    }

    @GetMapping("/sent")
    @Operation(summary = "Notices sent from inside the caller's scope")
    public Page<NoticeView> sent(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return notices.sent(CurrentScope.get(), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Open a notice; an addressee's first opening records its read receipt")
    public NoticeView open(@PathVariable long id) {
        return notices.open(CurrentScope.get(), id);
    }

    @GetMapping("/{id}/receipts")
    @Operation(summary = "Read receipts and the not-yet-read list below the sender or a child (orgId)")
    public NoticeReceipts receipts(@PathVariable long id, @RequestParam(required = false) Long orgId) {
        return notices.receipts(CurrentScope.get(), id, orgId);
    }
}
