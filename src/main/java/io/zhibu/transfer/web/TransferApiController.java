package io.zhibu.transfer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import io.zhibu.transfer.NewTransfer;
import io.zhibu.transfer.TransferCommand;
import io.zhibu.transfer.TransferService;
import io.zhibu.transfer.TransferSide;
import io.zhibu.transfer.TransferStatus;
import io.zhibu.transfer.TransferView;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organization-relationship transfers (组织关系转接), both sides each in their own scope. */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "transfers", description = "Organization-relationship transfers (rules.md §4)")
public class TransferApiController {
    private final TransferService transfers;

    public TransferApiController(TransferService transfers) {
        this.transfers = transfers;
    }

    @GetMapping
    @Operation(summary = "Transfers sent from (box=SENDING) or addressed to (box=RECEIVING) the caller's subtree")
    public Page<TransferView> list(@RequestParam(required = false) TransferSide box,
                                   @RequestParam(required = false) TransferStatus status,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return transfers.list(CurrentScope.get(), box, status, page, size);
    }

    @GetMapping("/overdue")
    @Operation(summary = "To-do: letters past their validity (R4.5) on either side")
    public List<TransferView> overdue() {
        return transfers.overdue(CurrentScope.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One transfer with its steps and the actions the caller may take")
    public TransferView get(@PathVariable long id) {
        return transfers.get(CurrentScope.get(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a transfer (INTERNAL, OUTGOING) or register an incoming letter (INCOMING)")
    public TransferView create(@RequestBody NewTransfer body) {
        return transfers.create(CurrentScope.get(), body);
    }

    @PostMapping("/{id}/actions")
    @Operation(summary = "Take a step; send the version you read (409 if someone else was first)")
    public TransferView act(@PathVariable long id, @RequestBody TransferCommand cmd) {
        return transfers.act(CurrentScope.get(), id, cmd);
    }
}
