package io.zhibu.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.command.DispatchService;
import io.zhibu.command.DispatchViews;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 周调度 weekly dispatch (issue 17 point 4): the weekly board, its items, the export. */
@RestController
@RequestMapping("/api/v1/dispatch")
@Tag(name = "dispatch", description = "Weekly dispatch (周调度, issue 17)")
public class DispatchApiController {
    private final DispatchService dispatch;
    private final DispatchExport export;

    public DispatchApiController(DispatchService dispatch, DispatchExport export) {
        this.dispatch = dispatch;
        this.export = export;
    }

    @GetMapping
    @Operation(summary = "The weekly board of orgId (default the caller's organization) for the week containing weekOf (default today)")
    public DispatchViews.Board board(@RequestParam(required = false) Long orgId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekOf) {
        return dispatch.board(CurrentScope.get(), orgId, weekOf);
    }

    @GetMapping("/export")
    @Operation(summary = "The weekly board as format=csv (UTF-8) or format=xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) Long orgId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekOf,
                                         @RequestParam(required = false, defaultValue = "xlsx") String format) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw InvalidInputException.of("format", "command.dispatch.format");
        }
        DispatchViews.Board b = dispatch.board(CurrentScope.get(), orgId, weekOf);
        boolean csv = "csv".equals(format);
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dispatch-" + b.weekStart() + "." + format, StandardCharsets.UTF_8).build().toString())
                .body(csv ? export.csv(b) : export.xlsx(b));
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise an item at the caller's organization's meeting {weekOf, title, ownerName, ownerOrgId, dueOn}")
    public DispatchViews.Item raise(@RequestBody DispatchViews.NewItem body) {
        return dispatch.raise(CurrentScope.get(), body);
    }

    @PostMapping("/items/{id}/status")
    @Operation(summary = "Settle or reopen an item {status: OPEN|DONE|DROPPED, note, version}")
    public DispatchViews.Item status(@PathVariable long id, @RequestBody DispatchViews.StatusChange body) {
        return dispatch.status(CurrentScope.get(), id, body);
    }
}
