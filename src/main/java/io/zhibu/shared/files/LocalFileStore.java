package io.zhibu.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link FileStore} on the local disk: {@code <zhibu.data-dir>/meeting-files/<key>}, written atomically. An object
 * store replaces it with a {@code @Primary} FileStore bean.
 */
@Component
public class LocalFileStore implements FileStore {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/\\-]{0,199}");
    private final Path root;

    public LocalFileStore(@Value("${zhibu.meeting.files-dir:${zhibu.data-dir:./data}/meeting-files}") String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    private Path resolve(String key) {
        if (!KEY.matcher(key).matches() || key.contains("..") || key.contains("//")) {
            throw new IllegalArgumentException("bad file key");
        }
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("bad file key");
        }
        return p;
    }

    @Override
    public void put(String key, byte[] bytes) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path p = resolve(key);
        try {
            return Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
