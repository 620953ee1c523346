package io.zhibu.themeday;

import java.time.OffsetDateTime;
import java.util.List;

/** What the theme library's pages and the API show. */
public final class ThemeDayViews {
    private ThemeDayViews() {
    }

    /** A theme: month, topic, materials (text, links), suggested activities (one a line), publisher. */
    public record Theme(long id, long orgId, String publisher, String month, String topic, String materials,
                        List<String> activities, ThemeStatus status, int picks, boolean canEdit, int version) {
    }

    /** An attached material file. */
    public record File(long id, String fileName, String contentType, long sizeBytes, OffsetDateTime createdAt) {
    }

    /** A meeting that picked the theme (the branch's name and the meeting's id for the link; within the caller's scope). */
    public record Pick(long meetingId, long orgId, String orgName, OffsetDateTime pickedAt) {
    }

    public record Detail(Theme theme, List<File> files, List<Pick> picks) {
    }

    /** Publish (or, with {@code version}, edit) a theme: the publishing committee, month {@code 2026-12}, text. */
    public record Form(Long orgId, String month, String topic, String materials, String activities, Integer version) {
    }

    /** A file's bytes with its metadata. */
    public record Content(File meta, byte[] bytes) {
    }
}
