package io.zhibu.member.web;

import io.zhibu.member.AgeBand;
import io.zhibu.member.ImportProgress;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.RosterExport;
import io.zhibu.member.RosterImports;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.Gender;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Roster import pages: upload → validation runs in the background with progress → per-row report → commit (all,
 * or the valid rows only) in the background → result. Also the template and the export downloads.
 */
@Controller
public class RosterImportPageController {
    private final RosterImports imports;
    private final RosterExport export;
    private final Messages messages;

    public RosterImportPageController(RosterImports imports, RosterExport export, Messages messages) {
        this.imports = imports;
        this.export = export;
        this.messages = messages;
    }

    @GetMapping("/members/import")
    public String form(Model model) {
        if (!CurrentScope.get().canManageMembers()) {
            throw new ForbiddenException("role cannot import");
        }
        return "lifecycle/import";
    }

    @PostMapping("/members/import")
    public String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        DataScope scope = CurrentScope.get();
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot import");
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", messages.get("import.file.empty"));
            return "lifecycle/import";
        }
        String token;
        try (InputStream in = file.getInputStream()) {
            token = imports.upload(scope, in, file.getOriginalFilename());
        } catch (InvalidInputException e) {
            model.addAttribute("uploadError", messages.fieldErrors(e.violations()).get("file"));
            return "lifecycle/import";
        }
        Locale locale = LocaleContextHolder.getLocale();
        background(() -> imports.validate(scope, token, locale));
        return "redirect:/members/import/" + token;
    }

    @GetMapping("/members/import/{token}")
    public String status(@PathVariable String token, Model model) {
        model.addAttribute("p", imports.progress(CurrentScope.get(), token));
        return "lifecycle/import-status";
    }

    /** htmx polling: the progress line; when the work is done the page reloads to show the report. */
    @GetMapping("/members/import/{token}/progress")
    public String progress(@PathVariable String token, Model model, HttpServletResponse response) {
        ImportProgress p = imports.progress(CurrentScope.get(), token);
        if (!p.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("p", p);
        return "lifecycle/import-status :: progress";
    }

    @PostMapping("/members/import/{token}/commit")
    public String commit(@PathVariable String token, @RequestParam(defaultValue = "false") boolean validRowsOnly,
                         RedirectAttributes flash) {
        DataScope scope = CurrentScope.get();
        ImportProgress p = imports.progress(scope, token);
        if (p.report() == null || p.phase() != ImportProgress.Phase.VALIDATED || p.report().fileError()
                || (p.report().invalid() > 0 && !validRowsOnly)) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get("import.invalidRows",
                    p.report() == null ? 0 : p.report().invalid())));
            return "redirect:/members/import/" + token;
        }
        background(() -> imports.commit(scope, token, validRowsOnly));
        return "redirect:/members/import/" + token;
    }

    @GetMapping("/members/import/{token}/errors.xlsx")
    public void errors(@PathVariable String token, HttpServletResponse response) throws IOException {
        DataScope scope = CurrentScope.get();
        imports.progress(scope, token);
        RosterFileApiController.xlsx(response, "导入错误报告.xlsx", out -> imports.writeErrors(scope, token, out));
    }

    @GetMapping("/members/import/template.xlsx")
    public void template(HttpServletResponse response) throws IOException {
        if (!CurrentScope.get().canManageMembers()) {
            throw new ForbiddenException("role cannot import");
        }
        RosterFileApiController.xlsx(response, "党员花名册模板.xlsx", imports::writeTemplate);
    }

    @GetMapping("/members/export.xlsx")
    public void export(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String q,
                       @RequestParam(required = false) MemberCategory category,
                       @RequestParam(required = false) Gender gender, @RequestParam(required = false) AgeBand ageBand,
                       @RequestParam(required = false) String education, @RequestParam(required = false) Integer joinYear,
                       @RequestParam(defaultValue = "false") boolean reveal, HttpServletResponse response)
            throws IOException {
        RosterFileApiController.exportTo(response, export, CurrentScope.get(),
                new MemberFilter(orgId, q, category, gender, ageBand, education, joinYear), reveal);
    }

    /** Long work runs on a virtual thread with the user's security context; its state is in the import job. */
    private static void background(Runnable work) {
        Thread.ofVirtual().name("roster-import").start(new DelegatingSecurityContextRunnable(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // the job records FAILED and the reason; the status page shows it
            }
        }));
    }
}
