package io.zhibu.dues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.dues.DuesService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Payment-gateway callbacks: no user session; trusted only through the signature over the raw body. */
@RestController
@RequestMapping("/api/v1/dues/callbacks")
@Tag(name = "dues", description = "Party dues (党费), rules.md §5")
public class DuesCallbackController {
    private final DuesService dues;

    public DuesCallbackController(DuesService dues) {
        this.dues = dues;
    }

    @PostMapping("/{gateway}")
    @Operation(summary = "Gateway callback (signed, idempotent): body paymentId=..&status=SUCCEEDED|FAILED&ref=..")
    public String callback(@PathVariable String gateway, @RequestBody(required = false) String body,
                           @RequestHeader(name = "X-Signature", required = false) String signature) {
        return dues.handleCallback(gateway, body, signature).name();
    }
}
