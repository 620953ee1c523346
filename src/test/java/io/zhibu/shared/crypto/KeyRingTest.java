package io.zhibu.shared.crypto;

import static io.zhibu.shared.crypto.CryptoTestKeys.AUDIT_KEY;
import static io.zhibu.shared.crypto.CryptoTestKeys.DATA_KEY;
import static io.zhibu.shared.crypto.CryptoTestKeys.INDEX_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R9.7: keys come from configuration (KMS/env), never from code; demo keys only when explicitly enabled. */
class KeyRingTest {

    @Test
    @DisplayName("R9.7 configured hex keys are used as given")
    void configuredKeys() throws Exception {
        KeyRing ring = new KeyRing(new CryptoProperties(" " + DATA_KEY + " ", INDEX_KEY, AUDIT_KEY, false, null));
        assertThat(ring.dataKey()).isEqualTo(HexFormat.of().parseHex(DATA_KEY)).hasSize(16);
        assertThat(ring.indexKey()).isEqualTo(HexFormat.of().parseHex(INDEX_KEY)).hasSize(32);
        assertThat(ring.auditKey()).isEqualTo(HexFormat.of().parseHex(AUDIT_KEY)).hasSize(32);
    }

    @Test
    @DisplayName("R9.7 missing keys without generate-demo-keys fail fast")
    void missingKeysFail(@TempDir Path dir) {
        assertThatThrownBy(() -> new KeyRing(new CryptoProperties(null, null, null, false, dir.toString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ZHIBU_CRYPTO_DATA_KEY");
        assertThatThrownBy(() -> new KeyRing(new CryptoProperties(DATA_KEY, INDEX_KEY, "  ", false, dir.toString())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KeyRing(new CryptoProperties(DATA_KEY, "", AUDIT_KEY, false, dir.toString())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("zhibu-keys.properties")).doesNotExist();
    }

    @Test
    @DisplayName("R9.7 keys of the wrong length are refused")
    void wrongLength() {
        assertThatThrownBy(() -> CryptoTestKeys.ring(INDEX_KEY, INDEX_KEY, AUDIT_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("data-key").hasMessageContaining("16");
        assertThatThrownBy(() -> CryptoTestKeys.ring(DATA_KEY, DATA_KEY, AUDIT_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("index-key").hasMessageContaining("32");
        assertThatThrownBy(() -> CryptoTestKeys.ring(DATA_KEY, INDEX_KEY, DATA_KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit-key");
    }

    @Test
    @DisplayName("R9.7 demo keys are generated once into <data-dir>/zhibu-keys.properties and reused")
    void demoKeysGeneratedOnceAndReused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("nested/data");
        CryptoProperties props = new CryptoProperties(null, null, null, true, dir.toString());

        KeyRing first = new KeyRing(props);
        Path file = dir.resolve("zhibu-keys.properties");
        assertThat(file).exists();
        byte[] written = Files.readAllBytes(file);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        assertThat(p.getProperty("data-key")).matches("[0-9a-f]{32}");
        assertThat(p.getProperty("index-key")).matches("[0-9a-f]{64}");
        assertThat(p.getProperty("audit-key")).matches("[0-9a-f]{64}");
        assertThat(first.dataKey()).isEqualTo(HexFormat.of().parseHex(p.getProperty("data-key")));
        assertThat(first.indexKey()).isNotEqualTo(first.auditKey());
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }

        KeyRing second = new KeyRing(props);
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
        assertThat(second.dataKey()).isEqualTo(first.dataKey());
        assertThat(second.indexKey()).isEqualTo(first.indexKey());
        assertThat(second.auditKey()).isEqualTo(first.auditKey());

        String sealed = new FieldCipher(first).encrypt("11010519491231002X");
        assertThat(new FieldCipher(second).decrypt(sealed)).isEqualTo("11010519491231002X");
        assertThat(new Hmacs(second).blindIndex("p", "v", 64)).isEqualTo(new Hmacs(first).blindIndex("p", "v", 64));
    }

    @Test
    @DisplayName("R9.7 with demo keys on, configured keys still win over generated ones")
    void configuredWinsOverGenerated(@TempDir Path dir) throws Exception {
        KeyRing ring = new KeyRing(new CryptoProperties(DATA_KEY, null, null, true, dir.toString()));
        assertThat(ring.dataKey()).isEqualTo(HexFormat.of().parseHex(DATA_KEY));
        assertThat(ring.indexKey()).hasSize(32);
        assertThat(dir.resolve("zhibu-keys.properties")).exists();
    }
}
