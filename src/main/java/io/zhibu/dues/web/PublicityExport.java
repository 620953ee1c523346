package io.zhibu.dues.web;

import io.zhibu.dues.DuesViews;
import io.zhibu.shared.web.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/** The 公示 list as .xlsx (streaming writer): member, category, due, paid, paid-up-to — no income. */
@Component
public class PublicityExport {
    private final Messages messages;

    public PublicityExport(Messages messages) {
        this.messages = messages;
    }

    public byte[] xlsx(DuesViews.Publicity p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            Worksheet ws = wb.newWorksheet(messages.get("dues.publicity.title"));
            ws.value(0, 0, io.zhibu.shared.upload.SpreadsheetCells.safe(p.orgName()) + " " + p.from() + " – " + p.to());
            String[] head = {"dues.col.member", "dues.col.category", "dues.col.due", "dues.col.paid", "dues.col.paidUpTo"};
            for (int c = 0; c < head.length; c++) {
                ws.value(1, c, messages.get(head[c]));
                ws.style(1, c).bold().set();
            }
            int r = 2;
            for (DuesViews.PublicityLine l : p.lines()) {
                ws.value(r, 0, io.zhibu.shared.upload.SpreadsheetCells.safe(l.memberName()));
                ws.value(r, 1, (l.category() == null ? "" : messages.get("dues.category." + l.category()))
                        + (l.relief() == null ? "" : " · " + messages.get("dues.relief.kind." + l.relief()))); // R5.5, no reason
                ws.value(r, 2, l.due());
                ws.value(r, 3, l.paid());
                ws.value(r, 4, l.paidUpTo() == null ? "" : l.paidUpTo().toString());
                r++;
            }
            ws.value(r, 0, messages.get("dues.total"));
            ws.value(r, 2, p.totalDue());
            ws.value(r, 3, p.totalPaid());
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
