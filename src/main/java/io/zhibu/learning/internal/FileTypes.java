package io.zhibu.learning.internal;

import io.zhibu.meeting.AttachmentService;

/** File types by content (magic bytes), never by the name: PDF, MP4/WebM video, JPEG/PNG (evidence scans). */
public final class FileTypes {
    private FileTypes() {
    }

    /** The content type from the first bytes, or null if not a format the learning module accepts. */
    public static String sniff(byte[] b) {
        String t = AttachmentService.sniff(b); // JPEG, PNG, PDF as in the meeting module
        if (t != null) {
            return t;
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "video/mp4";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF
                && (b[3] & 0xFF) == 0xA3) {
            return "video/webm";
        }
        return null;
    }

    /** The type a file name claims by its extension, or null when the name has none we know. */
    public static String claimed(String name) {
        String n = name == null ? "" : name.toLowerCase();
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (n.endsWith(".mp4") || n.endsWith(".m4v") || n.endsWith(".mov")) {
            return "video/mp4";
        }
        if (n.endsWith(".webm")) {
            return "video/webm";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        return null;
    }
}
