package io.zhibu.member.web;

import io.zhibu.member.AgeBand;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.MemberForm;
import io.zhibu.member.MemberService;
import io.zhibu.member.MemberSummary;
import io.zhibu.member.MemberView;
import io.zhibu.member.RevealedContact;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Gender;
import io.zhibu.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Member roster API (党员); limited to the caller's subtree, members see only themselves. */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "members", description = "Member roster (党员)")
public class MemberApiController {
    private final MemberService members;

    public MemberApiController(MemberService members) {
        this.members = members;
    }

    @GetMapping
    @Operation(summary = "Paged roster; orgId = whole subtree; q = name, pinyin initials, ID tail (4), full ID or mobile")
    public Page<MemberSummary> search(@RequestParam(required = false) Long orgId,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) MemberCategory category,
                                      @RequestParam(required = false) Gender gender,
                                      @RequestParam(required = false) AgeBand ageBand,
                                      @RequestParam(required = false) String education,
                                      @RequestParam(required = false) Integer joinYear,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return members.search(CurrentScope.get(),
                new MemberFilter(orgId, q, category, gender, ageBand, education, joinYear), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One member (ID number and phone masked)")
    public MemberView get(@PathVariable long id) {
        return members.get(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/reveal")
    @Operation(summary = "Unmasked ID number, phone and address (needs the right; audited)")
    public RevealedContact reveal(@PathVariable long id) {
        return members.reveal(CurrentScope.get(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a member (validated per rules.md §9)")
    public MemberView create(@RequestBody MemberForm form) {
        return members.create(CurrentScope.get(), form);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a member (send the version you read)")
    public MemberView update(@PathVariable long id, @RequestBody MemberForm form) {
        return members.update(CurrentScope.get(), id, form);
    }
}
