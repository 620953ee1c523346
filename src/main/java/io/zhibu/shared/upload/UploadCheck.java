package io.zhibu.shared.upload;

import io.zhibu.shared.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The one upload checker of the platform (issue 19): every uploaded file — meeting photos and sign-in sheets,
 * activity photos, assessment evidence, study materials, roster, payroll and question imports — is typed by its
 * content and checked <em>whole</em> against an allow-list before anything stores or parses it:
 * <ul>
 * <li>JPEG/PNG are decoded (pixel count bounded first) and may carry nothing after their end marker but another
 * image or a motion-photo video — a JPEG header followed by HTML is refused;</li>
 * <li>PDFs are parsed (PDFBox) and refused when they hold JavaScript, launch/submit/import actions, automatic
 * actions (/AA, a non-navigation /OpenAction), embedded files, rich media or XFA forms, or a password;</li>
 * <li>.docx/.xlsx/.pptx are read as a zip stream with limits — entry count, uncompressed bytes per entry and in
 * total, compression ratio — before any parser sees them; macros (vbaProject.bin, macro-enabled types) are
 * refused; old binary Office files (.doc/.xls) are refused as their macros cannot be checked;</li>
 * <li>MP4 must be a sequence of boxes covering the file; WebM must start with its EBML header;</li>
 * <li>CSV must be UTF-8 text without NUL characters.</li>
 * </ul>
 * Refusals are field errors ({@code upload.*} keys) of the caller's field.
 */
@Component
public class UploadCheck {
    /** {@code zhibu.upload.*}: the limits of the checks (defaults: room for a 220,000-row roster). */
    @ConfigurationProperties("zhibu.upload")
    public record Limits(@DefaultValue("10000") int maxZipEntries,
                         @DefaultValue("536870912") long maxUncompressedBytes,
                         @DefaultValue("100") int maxCompressionRatio,
                         @DefaultValue("60000000") long maxImagePixels,
                         @DefaultValue("3000") int maxPdfPages) {
    }

    /** A file that passed: its type by content. */
    public record Checked(FileType type) {
        public String contentType() {
            return type.contentType();
        }

        /** Decoded images may be shown inline; every other file is served as a download. */
        public boolean inline() {
            return type.image();
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final Set<String> FORBIDDEN_ACTIONS = Set.of("JavaScript", "Launch", "SubmitForm", "ImportData",
            "GoToE", "GoToR", "RichMediaExecute", "Rendition", "Sound", "Movie", "Hide");
    private static final Set<String> FORBIDDEN_KEYS = Set.of("JS", "JavaScript", "AA", "EmbeddedFile", "EmbeddedFiles",
            "RichMedia", "XFA", "Launch");
    private final Limits limits;

    public UploadCheck(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** Checks an uploaded file held in memory against the allowed types; throws a field error of {@code field}. */
    public Checked check(String field, String fileName, byte[] bytes, Set<FileType> allowed) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of(field, "validation.required");
        }
        FileType type = detect(bytes, fileName, allowed);
        if (type == null || !allowed.contains(type)) {
            throw InvalidInputException.of(field, "upload.type", allowedNames(allowed));
        }
        try {
            switch (type) {
                case JPEG, PNG -> image(field, bytes, type);
                case PDF -> pdf(field, bytes);
                case DOCX, XLSX, PPTX -> {
                    FileType inside = office(field, new ByteArrayInputStream(bytes), bytes.length);
                    if (inside != type) {
                        throw InvalidInputException.of(field, "upload.type", allowedNames(allowed));
                    }
                }
                case MP4 -> mp4(field, bytes);
                case WEBM -> { // EBML header checked by detect
                }
                case CSV -> csv(field, bytes);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            throw InvalidInputException.of(field, "upload.broken");
        }
        return new Checked(type);
    }

    /**
     * Checks a large spreadsheet upload stored on disk (the roster import) without reading it into memory:
     * .xlsx through the zip limits, .csv as UTF-8; old binary Excel refused.
     */
    public Checked checkSheet(String field, Path file, String fileName) {
        try {
            byte[] head = new byte[8];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, 8);
            }
            if (n == 0) {
                throw InvalidInputException.of(field, "validation.required");
            }
            if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                try (InputStream in = Files.newInputStream(file)) {
                    if (office(field, in, Files.size(file)) != FileType.XLSX) {
                        throw InvalidInputException.of(field, "upload.type", "xlsx, csv");
                    }
                }
                return new Checked(FileType.XLSX);
            }
            if (isOle2(head)) {
                throw InvalidInputException.of(field, "upload.oldOffice");
            }
            if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                try (InputStream in = Files.newInputStream(file)) {
                    csvStream(field, in);
                }
                return new Checked(FileType.CSV);
            }
            throw InvalidInputException.of(field, "upload.type", "xlsx, csv");
        } catch (IOException e) {
            throw InvalidInputException.of(field, "upload.broken");
        }
    }

    // ------------------------------------------------------------------------------------------------ detection

    static FileType detect(byte[] b, String fileName, Set<FileType> allowed) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return FileType.JPEG;
        }
        if (startsWith(b, PNG_SIGNATURE)) {
            return FileType.PNG;
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return FileType.PDF;
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            // the container is checked whole later; the name only says which of the three is expected
            return n.endsWith(".docx") ? FileType.DOCX : n.endsWith(".pptx") ? FileType.PPTX
                    : n.endsWith(".xlsx") ? FileType.XLSX
                    : allowed.contains(FileType.XLSX) ? FileType.XLSX : allowed.contains(FileType.DOCX) ? FileType.DOCX : null;
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return FileType.MP4;
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF
                && (b[3] & 0xFF) == 0xA3) {
            return FileType.WEBM;
        }
        if (isOle2(b)) {
            return null;
        }
        if (allowed.contains(FileType.CSV) && fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return FileType.CSV;
        }
        return null;
    }

    private static boolean isOle2(byte[] b) {
        return b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String allowedNames(Set<FileType> allowed) {
        return String.join(", ", allowed.stream().map(FileType::extension).toList());
    }

    // ------------------------------------------------------------------------------------------------ images

    private void image(String field, byte[] bytes, FileType type) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw InvalidInputException.of(field, "upload.broken");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > limits.maxImagePixels()) {
                    throw InvalidInputException.of(field, "upload.imageTooLarge");
                }
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw InvalidInputException.of(field, "upload.broken");
                }
            } finally {
                reader.dispose();
            }
        }
        int end = type == FileType.JPEG ? jpegEnd(bytes) : pngEnd(bytes);
        if (end < 0) {
            throw InvalidInputException.of(field, "upload.broken");
        }
        if (end < bytes.length && !allowedTrailer(bytes, end)) {
            throw InvalidInputException.of(field, "upload.trailingData");
        }
    }

    /** After an image's end only padding, another JPEG (multi-picture) or a motion photo's MP4 may follow. */
    private static boolean allowedTrailer(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == 0 || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        if (i == b.length) {
            return true;
        }
        boolean jpeg = i + 2 < b.length && (b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD8;
        boolean mp4 = i + 8 < b.length && b[i + 4] == 'f' && b[i + 5] == 't' && b[i + 6] == 'y' && b[i + 7] == 'p';
        return jpeg || mp4;
    }

    /** Index after the EOI marker that ends the first image's scan data (segments walked, not searched). */
    static int jpegEnd(byte[] b) {
        int i = 2;
        while (i + 2 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return -1;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD9) {
                return i + 2;
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                i += 2;
                continue;
            }
            if (i + 4 > b.length) {
                return -1;
            }
            int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            i += 2 + len;
            if (marker == 0xDA) { // start of scan: entropy-coded data until a marker other than RSTn / stuffed 00
                while (i + 1 < b.length) {
                    if ((b[i] & 0xFF) == 0xFF) {
                        int m = b[i + 1] & 0xFF;
                        if (m != 0 && !(m >= 0xD0 && m <= 0xD7) && m != 0xFF) {
                            break;
                        }
                    }
                    i++;
                }
            }
        }
        return -1;
    }

    /** Index after the IEND chunk (chunks walked by their lengths). */
    static int pngEnd(byte[] b) {
        int i = 8;
        while (i + 12 <= b.length) {
            long len = ByteBuffer.wrap(b, i, 4).getInt() & 0xFFFFFFFFL;
            String type = new String(b, i + 4, 4, StandardCharsets.US_ASCII);
            long next = i + 12 + len;
            if (next > b.length) {
                return -1;
            }
            if (type.equals("IEND")) {
                return (int) next;
            }
            i = (int) next;
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------ PDF

    private void pdf(String field, byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null, IOUtils.createMemoryOnlyStreamCache())) {
            if (doc.isEncrypted()) {
                throw InvalidInputException.of(field, "upload.pdfEncrypted");
            }
            if (doc.getNumberOfPages() > limits.maxPdfPages()) {
                throw InvalidInputException.of(field, "upload.pdfTooLong", limits.maxPdfPages());
            }
            COSDocument cos = doc.getDocument();
            Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            if (active(doc.getDocumentCatalog().getCOSObject(), seen, 0)) {
                throw InvalidInputException.of(field, "upload.pdfActive");
            }
            for (COSObjectKey key : cos.getXrefTable().keySet()) {
                COSObject o = cos.getObjectFromPool(key);
                if (o != null && active(o.getObject(), seen, 0)) {
                    throw InvalidInputException.of(field, "upload.pdfActive");
                }
            }
        } catch (InvalidPasswordException e) {
            throw InvalidInputException.of(field, "upload.pdfEncrypted");
        }
    }

    /** Does this object (or a direct object inside it) carry a script, an automatic or launch action, or a file? */
    private static boolean active(COSBase base, Set<COSBase> seen, int depth) {
        COSBase b = base instanceof COSObject o ? o.getObject() : base;
        if (b == null || depth > 64 || !seen.add(b)) {
            return false;
        }
        if (b instanceof COSDictionary d) {
            for (COSName k : d.keySet()) {
                if (FORBIDDEN_KEYS.contains(k.getName())) {
                    return true;
                }
            }
            COSBase s = d.getDictionaryObject(COSName.S);
            if (s instanceof COSName n && FORBIDDEN_ACTIONS.contains(n.getName())) {
                return true;
            }
            COSBase type = d.getDictionaryObject(COSName.TYPE);
            if (type instanceof COSName n && (n.getName().equals("EmbeddedFile") || n.getName().equals("Filespec")
                    && d.containsKey(COSName.EF))) {
                return true;
            }
            COSBase open = d.getDictionaryObject(COSName.getPDFName("OpenAction"));
            if (open instanceof COSDictionary od && od.getDictionaryObject(COSName.S) instanceof COSName n
                    && !n.getName().equals("GoTo")) {
                return true;
            }
            for (COSName k : d.keySet()) {
                COSBase v = d.getItem(k);
                if (!(v instanceof COSObject) && active(v, seen, depth + 1)) { // indirect ones come from the xref walk
                    return true;
                }
            }
        } else if (b instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                COSBase v = a.get(i);
                if (!(v instanceof COSObject) && active(v, seen, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ office

    /**
     * Streams the zip entries and inflates each one, counting real bytes (headers may lie): entry count, bytes per
     * entry and in total, and each entry's inflation ratio stay within the limits, or the file is refused before
     * any parser opens it. Returns which Office type the parts say it is.
     */
    FileType office(String field, InputStream raw, long fileSize) throws IOException {
        int entries = 0;
        long total = 0;
        boolean contentTypes = false;
        FileType kind = null;
        byte[] buf = new byte[64 * 1024];
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(raw, "UTF-8", true, true)) {
            ZipArchiveEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw InvalidInputException.of(field, "upload.zipEntries", limits.maxZipEntries());
                }
                String name = e.getName();
                if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                    throw InvalidInputException.of(field, "upload.broken");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith("vbaproject.bin") || lower.endsWith(".vba")) {
                    throw InvalidInputException.of(field, "upload.macros");
                }
                if (lower.equals("[content_types].xml")) {
                    contentTypes = true;
                }
                if (lower.equals("word/document.xml")) {
                    kind = FileType.DOCX;
                } else if (lower.equals("xl/workbook.xml")) {
                    kind = FileType.XLSX;
                } else if (lower.equals("ppt/presentation.xml")) {
                    kind = FileType.PPTX;
                }
                StringBuilder types = lower.equals("[content_types].xml") ? new StringBuilder() : null;
                int n;
                while ((n = zip.read(buf)) > 0) {
                    total += n;
                    if (total > limits.maxUncompressedBytes()) {
                        throw InvalidInputException.of(field, "upload.zipTooLarge", limits.maxUncompressedBytes() / (1024 * 1024));
                    }
                    long inflated = zip.getUncompressedCount();
                    long compressed = Math.max(1, zip.getCompressedCount());
                    if (inflated > 1024 * 1024 && inflated / compressed > limits.maxCompressionRatio()) {
                        throw InvalidInputException.of(field, "upload.zipRatio");
                    }
                    if (types != null && types.length() < 1_000_000) {
                        types.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
                if (types != null && types.toString().toLowerCase(Locale.ROOT).contains("macroenabled")) {
                    throw InvalidInputException.of(field, "upload.macros");
                }
            }
        } catch (java.util.zip.ZipException | org.apache.commons.compress.archivers.ArchiveException e) {
            throw InvalidInputException.of(field, "upload.broken");
        }
        if (!contentTypes || kind == null) {
            throw InvalidInputException.of(field, "upload.broken");
        }
        if (fileSize > 0 && total / fileSize > limits.maxCompressionRatio()) {
            throw InvalidInputException.of(field, "upload.zipRatio");
        }
        return kind;
    }

    // ------------------------------------------------------------------------------------------------ video, csv

    /** MP4: boxes (size, type) from the first byte to the last, starting with ftyp. */
    private static void mp4(String field, byte[] b) {
        long i = 0;
        boolean first = true;
        while (i < b.length) {
            if (i + 8 > b.length) {
                throw InvalidInputException.of(field, "upload.broken");
            }
            int at = (int) i;
            long size = ByteBuffer.wrap(b, at, 4).getInt() & 0xFFFFFFFFL;
            for (int k = 4; k < 8; k++) {
                if (b[at + k] < 0x20 || b[at + k] > 0x7E) {
                    throw InvalidInputException.of(field, "upload.broken");
                }
            }
            if (first && !(b[at + 4] == 'f' && b[at + 5] == 't' && b[at + 6] == 'y' && b[at + 7] == 'p')) {
                throw InvalidInputException.of(field, "upload.broken");
            }
            first = false;
            if (size == 1) {
                if (i + 16 > b.length) {
                    throw InvalidInputException.of(field, "upload.broken");
                }
                size = ByteBuffer.wrap(b, at + 8, 8).getLong();
            } else if (size == 0) {
                size = b.length - i;
            }
            if (size < 8 || i + size > b.length) {
                throw InvalidInputException.of(field, "upload.broken");
            }
            i += size;
        }
    }

    private static void csv(String field, byte[] bytes) throws IOException {
        csvStream(field, new ByteArrayInputStream(bytes));
    }

    private static void csvStream(String field, InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var reader = new java.io.InputStreamReader(in, decoder)) {
            char[] buf = new char[64 * 1024];
            int n;
            while ((n = reader.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == 0) {
                        throw InvalidInputException.of(field, "upload.broken");
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of(field, "upload.encoding");
        }
    }
}
