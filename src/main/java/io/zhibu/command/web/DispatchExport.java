package io.zhibu.command.web;

import io.zhibu.command.DispatchViews;
import io.zhibu.shared.upload.SpreadsheetCells;
import io.zhibu.shared.web.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/** The weekly dispatch board as CSV (UTF-8 with BOM, for Excel) and .xlsx: figures, open tasks, items. */
@Component
class DispatchExport {
    private final Messages messages;

    DispatchExport(Messages messages) {
        this.messages = messages;
    }

    private record Section(String title, List<String> head, List<List<String>> rows) {
    }

    private static String pct(Integer perMille) {
        return perMille == null ? "" : String.format("%.1f%%", perMille / 10.0);
    }

    private List<Section> sections(DispatchViews.Board b) {
        List<List<String>> figures = new ArrayList<>();
        for (var c : b.children()) {
            figures.add(List.of(c.name(), String.valueOf(c.members()), pct(c.meetingRate()), pct(c.duesRate()),
                    String.valueOf(c.termsOverdue())));
        }
        List<List<String>> tasks = new ArrayList<>();
        for (var t : b.tasks()) {
            tasks.add(List.of(t.title(), String.valueOf(t.dueOn()), String.valueOf(t.total()), String.valueOf(t.received()),
                    String.valueOf(t.submitted()), String.valueOf(t.accepted()), String.valueOf(t.overdue())));
        }
        List<List<String>> items = new ArrayList<>();
        for (var list : List.of(b.raised(), b.carried())) {
            for (var i : list) {
                items.add(List.of(String.valueOf(i.weekStart()), i.title(), i.ownerName()
                        + (i.ownerOrgName() == null ? "" : "（" + i.ownerOrgName() + "）"), String.valueOf(i.dueOn()),
                        messages.get("dispatch.status." + i.status()) + (i.overdue() ? " · " + messages.get("dispatch.overdue") : ""),
                        i.statusNote() == null ? "" : i.statusNote()));
            }
        }
        return List.of(
                new Section(messages.get("dispatch.figures.mtd", messages.get("dispatch.figures"), b.figuresPeriod()), List.of(messages.get("dispatch.col.org"),
                        messages.get("dispatch.col.members"), messages.get("dispatch.col.meetingRate"),
                        messages.get("dispatch.col.duesRate"), messages.get("dispatch.col.termsOverdue")), figures),
                new Section(messages.get("dispatch.tasks"), List.of(messages.get("dispatch.col.task"),
                        messages.get("dispatch.col.dueOn"), messages.get("dispatch.col.total"),
                        messages.get("dispatch.col.received"), messages.get("dispatch.col.submitted"),
                        messages.get("dispatch.col.accepted"), messages.get("dispatch.col.overdue")), tasks),
                new Section(messages.get("dispatch.items"), List.of(messages.get("dispatch.col.week"),
                        messages.get("dispatch.col.item"), messages.get("dispatch.col.owner"),
                        messages.get("dispatch.col.dueOn"), messages.get("dispatch.col.status"),
                        messages.get("dispatch.col.note")), items));
    }

    private String title(DispatchViews.Board b) {
        return b.orgName() + " " + messages.get("dispatch.title") + " " + b.weekStart() + " – " + b.weekEnd();
    }

    byte[] csv(DispatchViews.Board b) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, List.of(title(b)));
        for (Section s : sections(b)) {
            out.append("\r\n");
            line(out, List.of(s.title()));
            line(out, s.head());
            s.rows().forEach(r -> line(out, r));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = SpreadsheetCells.safe(cells.get(i));
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    byte[] xlsx(DispatchViews.Board b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            Worksheet ws = wb.newWorksheet(messages.get("dispatch.title"));
            ws.value(0, 0, title(b));
            ws.style(0, 0).bold().set();
            int r = 1;
            for (Section s : sections(b)) {
                r++;
                ws.value(r, 0, s.title());
                ws.style(r, 0).bold().set();
                r++;
                for (int c = 0; c < s.head().size(); c++) {
                    ws.value(r, c, s.head().get(c));
                    ws.style(r, c).bold().set();
                }
                for (List<String> row : s.rows()) {
                    r++;
                    for (int c = 0; c < row.size(); c++) {
                        ws.value(r, c, SpreadsheetCells.safe(row.get(c)));
                    }
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
