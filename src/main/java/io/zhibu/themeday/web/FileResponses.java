package io.zhibu.themeday.web;

import io.zhibu.shared.upload.FileType;
import io.zhibu.themeday.ThemeDayViews.Content;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored material: its checked type with nosniff; images inline, everything else a download. */
final class FileResponses {
    private FileResponses() {
    }

    static ResponseEntity<byte[]> of(Content c) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.meta().contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, (FileType.PHOTOS.contains(FileType.ofContentType(c.meta().contentType()))
                        ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(c.meta().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(c.bytes());
    }
}
