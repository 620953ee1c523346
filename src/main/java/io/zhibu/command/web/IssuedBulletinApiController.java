package io.zhibu.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.command.IssueBulletin;
import io.zhibu.command.IssuedBulletin;
import io.zhibu.command.IssuedBulletins;
import io.zhibu.shared.CurrentScope;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 印发通报 (issue 17 point 3): issue a bulletin with its rectification task; the issued ones. */
@RestController
@RequestMapping("/api/v1/bulletins/issued")
@Tag(name = "bulletins", description = "Issued bulletins and their rectification tasks (issue 17)")
public class IssuedBulletinApiController {
    private final IssuedBulletins issued;

    public IssuedBulletinApiController(IssuedBulletins issued) {
        this.issued = issued;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue the bulletin of an organization and period; the branches it names get a rectification task")
    public IssuedBulletin issue(@RequestBody IssueBulletin body) {
        return issued.issue(CurrentScope.get(), body);
    }

    @GetMapping
    @Operation(summary = "Bulletins issued inside the caller's scope")
    public List<IssuedBulletin> list() {
        return issued.list(CurrentScope.get());
    }
}
