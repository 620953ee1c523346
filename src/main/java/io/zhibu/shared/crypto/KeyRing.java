package io.zhibu.shared.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Holds the platform's symmetric keys; never logs them. */
@Component
public class KeyRing {
    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final byte[] dataKey;
    private final byte[] indexKey;
    private final byte[] auditKey;

    public KeyRing(CryptoProperties props) throws IOException {
        Properties generated = new Properties();
        if (missing(props.dataKey()) || missing(props.indexKey()) || missing(props.auditKey())) {
            if (!props.generateDemoKeys()) {
                throw new IllegalStateException("Crypto keys are not configured: set ZHIBU_CRYPTO_DATA_KEY (16 bytes hex), "
                        + "ZHIBU_CRYPTO_INDEX_KEY and ZHIBU_CRYPTO_AUDIT_KEY (32 bytes hex each)");
            }
            generated = demoKeys(Path.of(props.dataDir() == null ? "data" : props.dataDir()));
        }
        this.dataKey = key(props.dataKey(), generated.getProperty("data-key"), 16, "data-key");
        this.indexKey = key(props.indexKey(), generated.getProperty("index-key"), 32, "index-key");
        this.auditKey = key(props.auditKey(), generated.getProperty("audit-key"), 32, "audit-key");
    }

    private static boolean missing(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] key(String configured, String generated, int length, String name) {
        byte[] k = HexFormat.of().parseHex(missing(configured) ? generated : configured.strip());
        if (k.length != length) {
            throw new IllegalStateException("zhibu.crypto." + name + " must be " + length + " bytes of hex");
        }
        return k;
    }

    private static Properties demoKeys(Path dir) throws IOException {
        Path file = dir.resolve("zhibu-keys.properties");
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            return p;
        }
        SecureRandom rnd = new SecureRandom();
        p.setProperty("data-key", random(rnd, 16));
        p.setProperty("index-key", random(rnd, 32));
        p.setProperty("audit-key", random(rnd, 32));
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "Zhibu demo keys - generated for the embedded database only; production reads keys from the environment");
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        log.warn("Generated demo encryption keys into {}", file.toAbsolutePath());
        return p;
    }

    private static String random(SecureRandom rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    byte[] dataKey() {
        return dataKey;
    }

    byte[] indexKey() {
        return indexKey;
    }

    byte[] auditKey() {
        return auditKey;
    }
}
