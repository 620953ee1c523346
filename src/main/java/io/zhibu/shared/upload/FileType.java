package io.zhibu.shared.upload;

import java.util.EnumSet;
import java.util.Set;

/** The file types the platform accepts anywhere, each checked on the whole file by {@link UploadCheck}. */
public enum FileType {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    PDF("application/pdf", "pdf", false),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", false),
    MP4("video/mp4", "mp4", false),
    WEBM("video/webm", "webm", false),
    CSV("text/csv", "csv", false);

    /** Photos (meetings, activities): decoded images only. */
    public static final Set<FileType> PHOTOS = EnumSet.of(JPEG, PNG);
    /** A sign-in sheet: a photo or a PDF scan. */
    public static final Set<FileType> SCANS = EnumSet.of(JPEG, PNG, PDF);
    /** Evidence and attachments: images, PDF and office documents (no macros, no scripts). */
    public static final Set<FileType> DOCUMENTS = EnumSet.of(JPEG, PNG, PDF, DOCX, XLSX, PPTX);
    /** Imports: a spreadsheet. */
    public static final Set<FileType> SHEETS = EnumSet.of(XLSX, CSV);

    private final String contentType;
    private final String extension;
    private final boolean image;

    FileType(String contentType, String extension, boolean image) {
        this.contentType = contentType;
        this.extension = extension;
        this.image = image;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** A decoded image: the only kind served inline; everything else is a download (Content-Disposition: attachment). */
    public boolean image() {
        return image;
    }

    /** The type of a stored content type, or null. */
    public static FileType ofContentType(String contentType) {
        for (FileType t : values()) {
            if (t.contentType.equalsIgnoreCase(contentType)) {
                return t;
            }
        }
        return null;
    }
}
