package io.zhibu.meeting.web;

import io.zhibu.meeting.AttachmentService;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored attachment: its checked type with nosniff; only a decoded image is shown inline, every other file
 * (a PDF sign-in sheet) is a download ({@code Content-Disposition: attachment}).
 */
final class AttachmentResponses {
    private AttachmentResponses() {
    }

    static ResponseEntity<byte[]> of(AttachmentService.Content c) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.meta().contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, (io.zhibu.shared.upload.FileType.PHOTOS.contains(
                        io.zhibu.shared.upload.FileType.ofContentType(c.meta().contentType()))
                        ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(c.meta().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(c.bytes());
    }
}
