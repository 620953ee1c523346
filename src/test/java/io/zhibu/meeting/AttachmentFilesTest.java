package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.files.LocalFileStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachment type by content (magic bytes) and the local file store's key checks. */
class AttachmentFilesTest {
    @Test
    void typeComesFromTheContentNotTheName() {
        assertThat(AttachmentService.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isEqualTo("image/jpeg");
        assertThat(AttachmentService.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).isEqualTo("image/png");
        assertThat(AttachmentService.sniff("%PDF-1.7\n".getBytes())).isEqualTo("application/pdf");
        assertThat(AttachmentService.sniff("<svg onload=alert(1)>".getBytes())).isNull();
        assertThat(AttachmentService.sniff("GIF89a".getBytes())).isNull();
        assertThat(AttachmentService.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isNull();
        assertThat(AttachmentService.sniff(new byte[0])).isNull();
    }

    @Test
    void localStoreRoundTripAndRejectsTraversal(@TempDir Path dir) {
        LocalFileStore store = new LocalFileStore(dir.toString());
        store.put("7/42/abc-def", new byte[] {1, 2, 3});
        assertThat(store.get("7/42/abc-def")).contains(new byte[] {1, 2, 3});
        assertThat(store.get("7/42/missing")).isEmpty();
        store.delete("7/42/abc-def");
        assertThat(store.get("7/42/abc-def")).isEmpty();
        assertThatThrownBy(() -> store.put("../x", new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
