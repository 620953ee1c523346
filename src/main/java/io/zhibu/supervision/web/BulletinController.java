package io.zhibu.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.zhibu.shared.CurrentScope;
import io.zhibu.supervision.Bulletin;
import io.zhibu.supervision.Bulletins;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 通报 bulletins as a page, a PDF and an .xlsx, and as JSON under the API. */
@Controller
class BulletinController {
    private final Bulletins bulletins;
    private final BulletinExport export;

    BulletinController(Bulletins bulletins, BulletinExport export) {
        this.bulletins = bulletins;
        this.export = export;
    }

    @GetMapping("/supervision/bulletins")
    String page(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String period, Model model) {
        model.addAttribute("b", bulletins.bulletin(CurrentScope.get(), orgId, period));
        return "supervision/bulletin";
    }

    @GetMapping("/api/v1/supervision/bulletins")
    @ResponseBody
    @Operation(summary = "The monthly bulletin (period 2026-11) or quarterly assessment sheet (2026-Q4) of a subtree")
    public Bulletin json(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String period) {
        return bulletins.bulletin(CurrentScope.get(), orgId, period);
    }

    @GetMapping("/api/v1/supervision/bulletins.xlsx")
    @ResponseBody
    @Operation(summary = "The bulletin as .xlsx")
    public ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String period) {
        Bulletin b = bulletins.bulletin(CurrentScope.get(), orgId, period);
        return file(export.xlsx(b), export.title(b) + ".xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/api/v1/supervision/bulletins.pdf")
    @ResponseBody
    @Operation(summary = "The bulletin as a printable PDF")
    public ResponseEntity<byte[]> pdf(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String period) {
        Bulletin b = bulletins.bulletin(CurrentScope.get(), orgId, period);
        return file(export.pdf(b), export.title(b) + ".pdf", MediaType.APPLICATION_PDF);
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(body);
    }
}
