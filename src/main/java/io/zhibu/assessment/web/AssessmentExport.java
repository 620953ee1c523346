package io.zhibu.assessment.web;

import io.zhibu.assessment.AssessmentViews.CampaignView;
import io.zhibu.assessment.AssessmentViews.ResultRow;
import io.zhibu.db.tables.records.AssessmentEvidenceRecord;
import io.zhibu.shared.web.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The campaign ranking as .xlsx (streaming writer) and evidence downloads. */
@Component
public class AssessmentExport {
    private final Messages messages;

    public AssessmentExport(Messages messages) {
        this.messages = messages;
    }

    public ResponseEntity<byte[]> response(CampaignView c, List<ResultRow> rows) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + c.id() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx(c, rows));
    }

    public byte[] xlsx(CampaignView c, List<ResultRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            Worksheet ws = wb.newWorksheet(messages.get("assessment.ranking.title"));
            ws.value(0, 0, io.zhibu.shared.upload.SpreadsheetCells.safe(c.name()) + " · " + c.year() + " · " + c.systemName() + " v" + c.systemVersion());
            if (c.stats() != null && c.stats().passRate() != null) {
                ws.value(0, 5, messages.get("assessment.stats.passRate") + " " + c.stats().passRate() + "%");
            }
            String[] head = {"assessment.col.rank", "assessment.col.org", "assessment.col.score", "assessment.col.stars",
                    "assessment.col.tier", "assessment.col.vetoes", "assessment.col.lastYear", "assessment.col.change"};
            for (int i = 0; i < head.length; i++) {
                ws.value(1, i, messages.get(head[i]));
                ws.style(1, i).bold().set();
            }
            int r = 2;
            for (ResultRow row : rows) {
                ws.value(r, 0, row.rank());
                ws.value(r, 1, io.zhibu.shared.upload.SpreadsheetCells.safe(row.orgName()));
                ws.value(r, 2, row.score());
                ws.value(r, 3, row.stars());
                ws.value(r, 4, row.tierLabel() == null ? "" : row.tierLabel());
                ws.value(r, 5, String.join(",", row.vetoes()));
                if (row.lastYearScore() != null) {
                    ws.value(r, 6, row.lastYearScore());
                    ws.value(r, 7, row.score().subtract(row.lastYearScore()));
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Evidence: a decoded image inline with its type, every other file a download (checked type, nosniff). */
    public static ResponseEntity<byte[]> file(AssessmentEvidenceRecord e) {
        io.zhibu.shared.upload.FileType t = io.zhibu.shared.upload.FileType.ofContentType(e.getContentType());
        boolean image = t != null && t.image();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, (image ? "inline" : "attachment") + "; filename*=UTF-8''"
                        + URLEncoder.encode(e.getFileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(image ? MediaType.parseMediaType(t.contentType()) : MediaType.APPLICATION_OCTET_STREAM)
                .body(e.getContent());
    }
}
