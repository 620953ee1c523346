package io.zhibu.learning.web;

import io.zhibu.learning.LearningRecords.FileContent;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored study file as a response: its checked type with nosniff; a PDF is a download (Content-Disposition:
 * attachment — issue 19), a video plays in the page's video element (which ignores the disposition).
 */
final class Files {
    private Files() {
    }

    static ResponseEntity<byte[]> of(FileContent c) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, (c.contentType().startsWith("image/") ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(c.bytes());
    }
}
