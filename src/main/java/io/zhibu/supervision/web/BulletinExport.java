package io.zhibu.supervision.web;

import io.zhibu.shared.web.Messages;
import io.zhibu.supervision.Bulletin;
import io.zhibu.supervision.Dashboard;
import io.zhibu.supervision.Dashboards;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/** A bulletin as .xlsx (one sheet per section) and as a printable A4 PDF (STSong-Light, no font file shipped). */
@Component
class BulletinExport {
    private final Messages messages;

    BulletinExport(Messages messages) {
        this.messages = messages;
    }

    /** The sections shared by both formats: a title and rows of cells. */
    private record Section(String title, List<String> head, List<List<String>> rows) {
    }

    private List<Section> sections(Bulletin b) {
        List<Section> out = new ArrayList<>();
        List<List<String>> headline = new ArrayList<>();
        headline.add(List.of(messages.get("supervision.members"), String.valueOf(b.figure("member.total")),
                String.valueOf(b.previousFigure("member.total"))));
        headline.add(List.of(messages.get("supervision.meetingRate"), pct(b.meetingRate()), pct(b.previousMeetingRate())));
        headline.add(List.of(messages.get("supervision.duesRate"), pct(b.duesRate()), pct(b.previousDuesRate())));
        headline.add(List.of(messages.get("supervision.pipeline"), String.valueOf(pipeline(b.figures())),
                String.valueOf(pipeline(b.previousFigures()))));
        headline.add(List.of(messages.get("supervision.terms.overdue"), String.valueOf(b.figure("org.term.overdue")),
                String.valueOf(b.previousFigure("org.term.overdue"))));
        headline.add(List.of(messages.get("supervision.bulletin.warningsOpened"), String.valueOf(b.warnings().opened()), ""));
        headline.add(List.of(messages.get("supervision.bulletin.warningsClosed"), String.valueOf(b.warnings().closed()), ""));
        out.add(new Section(messages.get("supervision.bulletin.headline"), List.of(messages.get("supervision.bulletin.figure"),
                b.period(), b.previousPeriod()), headline));
        List<List<String>> children = new ArrayList<>();
        for (Dashboard.Child c : b.children()) {
            children.add(List.of(String.valueOf(c.rank()), c.name(), String.valueOf(c.figure("member.total")),
                    pct(c.meetingRate()), pct(c.duesRate()), String.valueOf(pipeline(c.figures())),
                    String.valueOf(c.figure("org.term.overdue"))));
        }
        out.add(new Section(messages.get("supervision.children"), List.of(messages.get("supervision.col.rank"),
                messages.get("supervision.col.org"), messages.get("supervision.members"), messages.get("supervision.meetingRate"),
                messages.get("supervision.duesRate"), messages.get("supervision.pipeline"), messages.get("supervision.terms.overdue")),
                children));
        out.add(lagging(messages.get("supervision.bulletin.laggingMeetings", pct(b.meetingThreshold())), b.laggingMeetings()));
        out.add(lagging(messages.get("supervision.bulletin.laggingDues", pct(b.duesThreshold())), b.laggingDues()));
        return out;
    }

    private Section lagging(String title, List<Dashboards.BranchRank> rows) {
        List<List<String>> out = new ArrayList<>();
        for (Dashboards.BranchRank r : rows) {
            out.add(List.of(r.name(), pct(r.meetingRate()), pct(r.duesRate())));
        }
        return new Section(title, List.of(messages.get("supervision.col.org"), messages.get("supervision.meetingRate"),
                messages.get("supervision.duesRate")), out);
    }

    String title(Bulletin b) {
        return b.orgName() + " " + messages.get("supervision.bulletin.kind." + b.kind()) + " " + b.period();
    }

    byte[] xlsx(Bulletin b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            int n = 0;
            for (Section s : sections(b)) {
                Worksheet ws = wb.newWorksheet((++n) + " " + s.title().replaceAll("[\\\\/?*\\[\\]:]", " ")
                        .substring(0, Math.min(25, s.title().length())));
                ws.value(0, 0, title(b));
                ws.style(0, 0).bold().set();
                for (int c = 0; c < s.head().size(); c++) {
                    ws.value(1, c, s.head().get(c));
                    ws.style(1, c).bold().set();
                }
                int r = 2;
                for (List<String> row : s.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        ws.value(r, c, io.zhibu.shared.upload.SpreadsheetCells.safe(row.get(c)));
                    }
                    r++;
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] pdf(Bulletin b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document doc = new Document(PageSize.A4, 36, 36, 42, 42)) {
            PdfWriter.getInstance(doc, out);
            doc.open();
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font h1 = new Font(song, 16, Font.BOLD);
            Font h2 = new Font(song, 12, Font.BOLD);
            Font body = new Font(song, 9);
            Paragraph title = new Paragraph(title(b), h1);
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            doc.add(new Paragraph(messages.get("supervision.bulletin.generated") + " "
                    + b.generatedAt().toLocalDateTime().withNano(0), body));
            for (Section s : sections(b)) {
                Paragraph p = new Paragraph(s.title(), h2);
                p.setSpacingBefore(10);
                p.setSpacingAfter(4);
                doc.add(p);
                PdfPTable t = new PdfPTable(s.head().size());
                t.setWidthPercentage(100);
                t.setHeaderRows(1);
                s.head().forEach(h -> t.addCell(new PdfPCell(new Phrase(h, h2))));
                for (List<String> row : s.rows()) {
                    row.forEach(c -> t.addCell(new PdfPCell(new Phrase(c, body))));
                }
                if (s.rows().isEmpty()) {
                    PdfPCell none = new PdfPCell(new Phrase(messages.get("supervision.bulletin.none"), body));
                    none.setColspan(s.head().size());
                    t.addCell(none);
                }
                doc.add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String pct(Integer perMille) {
        return perMille == null ? "—" : String.format("%.1f%%", perMille / 10.0);
    }

    static long pipeline(java.util.Map<String, Long> f) {
        return f.getOrDefault("dev.APPLICANT", 0L) + f.getOrDefault("dev.ACTIVIST", 0L) + f.getOrDefault("dev.TARGET", 0L)
                + f.getOrDefault("dev.PROBATIONARY", 0L);
    }
}
