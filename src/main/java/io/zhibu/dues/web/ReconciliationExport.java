package io.zhibu.dues.web;

import io.zhibu.dues.DuesViews;
import io.zhibu.shared.web.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/** The treasurer's reconciliation as .xlsx: month, method, payments, received, booked, difference (red if ≠ 0). */
@Component
public class ReconciliationExport {
    private final Messages messages;

    public ReconciliationExport(Messages messages) {
        this.messages = messages;
    }

    public byte[] xlsx(DuesViews.Reconciliation rec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Zhibu", "1.0");
            Worksheet ws = wb.newWorksheet(messages.get("dues.reconciliation.title"));
            ws.value(0, 0, io.zhibu.shared.upload.SpreadsheetCells.safe(rec.orgName()) + " " + rec.from() + " – " + rec.to());
            String[] head = {"dues.col.month", "dues.field.method", "dues.col.payments", "dues.col.received",
                "dues.col.booked", "dues.col.difference"};
            for (int c = 0; c < head.length; c++) {
                ws.value(1, c, messages.get(head[c]));
                ws.style(1, c).bold().set();
            }
            int r = 2;
            for (DuesViews.ReconciliationMonth m : rec.months()) {
                for (DuesViews.ReconciliationLine l : m.lines()) {
                    ws.value(r, 0, m.month().toString());
                    ws.value(r, 1, messages.get("dues.method." + l.method()));
                    ws.value(r, 2, l.payments());
                    ws.value(r, 3, l.received());
                    ws.value(r, 4, l.booked());
                    ws.value(r, 5, l.difference());
                    if (l.difference().signum() != 0) {
                        ws.style(r, 5).fillColor("FFC7CE").bold().set();
                    }
                    r++;
                }
                ws.value(r, 0, m.month().toString());
                ws.value(r, 1, messages.get("dues.total"));
                ws.value(r, 3, m.received());
                ws.value(r, 4, m.booked());
                ws.value(r, 5, m.difference());
                ws.style(r, 1).bold().set();
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
