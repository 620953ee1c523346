package io.zhibu.shared.files;

import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Sha256;
import io.zhibu.shared.upload.FileType;
import io.zhibu.shared.upload.UploadCheck;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The steps every module takes to keep an uploaded file, in one place: the size limit, the shared content check
 * ({@link UploadCheck}, whole file against an allow-list), a generated key under the module's prefix, the bytes into
 * the {@link FileStore}, removed again if the surrounding transaction rolls back (no orphan bytes for a refused or
 * failed write), and the SHA-256 of the content. The caller stores the returned {@link StoredFile} in its own table.
 */
@Component
public class StoredFiles {
    /** What the caller keeps of a stored file. */
    public record StoredFile(String key, String contentType, long sizeBytes, String sha256) {
    }

    /** A file's bytes with its type, to serve it back. */
    public record Content(String contentType, byte[] bytes) {
    }

    private final FileStore files;
    private final UploadCheck check;

    public StoredFiles(FileStore files, UploadCheck check) {
        this.files = files;
        this.check = check;
    }

    /**
     * Checks the file (refused as field errors of {@code field}: {@code upload.tooLarge} over {@code maxBytes}, the
     * {@code upload.*} codes of the content check) without storing anything; returns its content type.
     */
    public String check(String field, String fileName, byte[] bytes, long maxBytes, Set<FileType> allowed) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of(field, "validation.required");
        }
        if (bytes.length > maxBytes) {
            throw InvalidInputException.of(field, "upload.tooLarge");
        }
        return check.check(field, fileName, bytes, allowed).contentType();
    }

    /**
     * Stores bytes already checked by {@link #check} under {@code prefix/<random>} (prefix: letters, digits, '/', '-');
     * inside a transaction the bytes are deleted again unless it commits.
     */
    public StoredFile store(String prefix, String contentType, byte[] bytes) {
        String key = prefix + "/" + UUID.randomUUID();
        files.put(key, bytes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        files.delete(key);
                    }
                }
            });
        }
        return new StoredFile(key, contentType, bytes.length, Sha256.hex(bytes));
    }

    public Optional<Content> read(String key, String contentType) {
        return files.get(key).map(b -> new Content(contentType, b));
    }
}
