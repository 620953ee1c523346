package io.zhibu.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.member.AgeBand;
import io.zhibu.member.ImportProgress;
import io.zhibu.member.ImportReport;
import io.zhibu.member.ImportResult;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.RosterExport;
import io.zhibu.member.RosterImports;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Gender;
import io.zhibu.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Roster import and export API (名册导入/导出), .xlsx or .csv in the §9.1 layout. */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "roster files", description = "Roster import (validate, then commit) and streaming export")
public class RosterFileApiController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final RosterImports imports;
    private final RosterExport export;

    public RosterFileApiController(RosterImports imports, RosterExport export) {
        this.imports = imports;
        this.export = export;
    }

    @PostMapping(path = "/imports", consumes = "multipart/form-data")
    @Operation(summary = "Upload and validate a roster (.xlsx/.csv); writes nothing; returns the per-row report and a token")
    public ImportReport upload(@RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        DataScope scope = CurrentScope.get();
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "validation.required");
        }
        String token;
        try (InputStream in = file.getInputStream()) {
            token = imports.upload(scope, in, file.getOriginalFilename());
        }
        return imports.validate(scope, token, LocaleContextHolder.getLocale());
    }

    @GetMapping("/imports/{token}")
    @Operation(summary = "State of an import (progress, report, result)")
    public ImportProgress progress(@PathVariable String token) {
        return imports.progress(CurrentScope.get(), token);
    }

    @PostMapping("/imports/{token}/commit")
    @Operation(summary = "Write the validated roster in one transaction; 409 while rows are invalid unless validRowsOnly=true")
    public ImportResult commit(@PathVariable String token, @RequestParam(defaultValue = "false") boolean validRowsOnly) {
        return imports.commit(CurrentScope.get(), token, validRowsOnly);
    }

    @GetMapping("/imports/{token}/errors.xlsx")
    @Operation(summary = "The invalid rows with the faulty cells marked")
    public void errors(@PathVariable String token, HttpServletResponse response) throws IOException {
        DataScope scope = CurrentScope.get();
        imports.progress(scope, token);
        xlsx(response, "roster-errors.xlsx", out -> imports.writeErrors(scope, token, out));
    }

    @GetMapping("/imports/template.xlsx")
    @Operation(summary = "The empty roster template with the Chinese header row")
    public void template(HttpServletResponse response) throws IOException {
        xlsx(response, "roster-template.xlsx", imports::writeTemplate);
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "The filtered roster as .xlsx (党员花名册); ID and phone masked unless reveal=true (audited)")
    public void export(@RequestParam(required = false) Long orgId,
                                                        @RequestParam(required = false) String q,
                                                        @RequestParam(required = false) MemberCategory category,
                                                        @RequestParam(required = false) Gender gender,
                                                        @RequestParam(required = false) AgeBand ageBand,
                                                        @RequestParam(required = false) String education,
                                                        @RequestParam(required = false) Integer joinYear,
                                                        @RequestParam(defaultValue = "false") boolean reveal,
                                                        HttpServletResponse response) throws IOException {
        exportTo(response, export, CurrentScope.get(),
                new MemberFilter(orgId, q, category, gender, ageBand, education, joinYear), reveal);
    }

    /** Checks scope and rights first (a refusal is a proper 403/404), then streams the workbook. */
    static void exportTo(HttpServletResponse response, RosterExport export, DataScope scope, MemberFilter f,
                         boolean reveal) throws IOException {
        export.check(scope, f, reveal);
        xlsx(response, "党员花名册.xlsx", out -> export.export(scope, f, reveal, out));
    }

    /** Streams a workbook into the response in the request thread (no async timeout for long exports). */
    static void xlsx(HttpServletResponse response, String name, IoWriter body) throws IOException {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString());
        response.setContentType(XLSX);
        body.write(response.getOutputStream());
        response.flushBuffer();
    }

    /** A body writer that may throw IOException. */
    @FunctionalInterface
    interface IoWriter {
        void write(java.io.OutputStream out) throws IOException;
    }
}
