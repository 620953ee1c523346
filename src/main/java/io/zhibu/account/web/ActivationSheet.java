package io.zhibu.account.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.zhibu.account.IssuedCode;
import io.zhibu.shared.web.Messages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * The activation slip sheet (PDF, A4, two slips a row, cut along the lines): per member the name, login name,
 * one-time code, its expiry and a QR code of the activation page with login and code filled in.
 */
@Component
public class ActivationSheet {
    private final Messages messages;

    public ActivationSheet(Messages messages) {
        this.messages = messages;
    }

    public byte[] pdf(String title, List<IssuedCode> codes, String baseUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document doc = new Document(PageSize.A4, 28, 28, 28, 28)) {
            PdfWriter.getInstance(doc, out);
            doc.open();
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font h1 = new Font(song, 14, Font.BOLD);
            Font big = new Font(song, 13, Font.BOLD);
            Font body = new Font(song, 9);
            Paragraph t = new Paragraph(title, h1);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(8);
            doc.add(t);
            PdfPTable table = new PdfPTable(2);
            table.setWidthPercentage(100);
            for (IssuedCode c : codes) {
                PdfPTable slip = new PdfPTable(new float[] {3, 2});
                PdfPCell text = new PdfPCell();
                text.setBorder(Rectangle.NO_BORDER);
                text.addElement(new Paragraph(c.displayName(), big));
                text.addElement(new Paragraph(messages.get("account.sheet.login") + " " + c.login(), body));
                text.addElement(new Paragraph(messages.get("account.sheet.code") + " " + c.activationCode(), big));
                text.addElement(new Paragraph(messages.get("account.sheet.expires") + " "
                        + c.expiresAt().toLocalDate(), body));
                text.addElement(new Paragraph(messages.get("account.sheet.how"), body));
                slip.addCell(text);
                Image qr = Image.getInstance(png(baseUrl + "/activate?login=" + enc(c.login()) + "&code="
                        + enc(c.activationCode())));
                qr.scaleToFit(90, 90);
                PdfPCell q = new PdfPCell(qr, false);
                q.setBorder(Rectangle.NO_BORDER);
                q.setHorizontalAlignment(Element.ALIGN_RIGHT);
                slip.addCell(q);
                PdfPCell holder = new PdfPCell(slip);
                holder.setPadding(8);
                table.addCell(holder);
            }
            if (codes.size() % 2 == 1) {
                table.addCell(new PdfPCell(new Phrase("")));
            }
            if (codes.isEmpty()) {
                doc.add(new Paragraph(messages.get("account.sheet.none"), body));
            } else {
                doc.add(table);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static byte[] png(String text) throws IOException {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 1));
            int scale = 4;
            BufferedImage img = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
