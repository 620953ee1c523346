package io.zhibu.meeting.web;

import io.zhibu.meeting.AttachmentService;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored attachment as a download: its sniffed type, never rendered inline as anything else. */
final class AttachmentResponses {
    private AttachmentResponses() {
    }

    static ResponseEntity<byte[]> of(AttachmentService.Content c) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.meta().contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(c.meta().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(c.bytes());
    }
}
