package io.zhibu.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Real, small files for upload tests (the upload checker decodes and parses them whole). */
public final class TestFiles {
    private TestFiles() {
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xC00000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-page PDF (ASCII, correct xref offsets). */
    public static byte[] pdf() {
        return pdf("");
    }

    /** The same PDF whose catalog runs JavaScript when opened. */
    public static byte[] pdfWithJavaScript() {
        return pdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>");
    }

    private static byte[] pdf(String catalogExtra) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
        StringBuilder b = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(b.length());
            b.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = b.length();
        b.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            b.append(String.format("%010d 00000 n \n", o));
        }
        b.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A minimal .docx (content types and the main part), optionally with extra entries. */
    public static byte[] docx(String... extraEntries) {
        return zip(new String[] {"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"},
                extraEntries);
    }

    /** A zip with entries given as name, content pairs. */
    public static byte[] zip(String[] entries, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String[] list : new String[][] {entries, more}) {
                for (int i = 0; i + 1 < list.length; i += 2) {
                    z.putNextEntry(new ZipEntry(list[i]));
                    z.write(list[i + 1].getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An .xlsx-looking zip with one sheet entry of {@code bytes} repeated characters (a zip bomb when large). */
    public static byte[] xlsxBomb(int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int left = bytes; left > 0; left -= chunk.length) {
                z.write(chunk, 0, Math.min(chunk.length, left));
            }
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
