package io.zhibu.shared.db;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Long batch work that runs many transactions of its own and through other modules' services (the lived year of a
 * region, the city generator): {@link #run(Supplier)} marks the current thread, and every transaction begun on it
 * meanwhile gets the job's statement timeout ({@link StatementTimeouts#forJob()}, {@code zhibu.db.job-statement-timeout},
 * default 30 min) instead of the 30 s every pooled connection starts with — the lived year once failed on the default
 * under load. Registered with the transaction manager as a {@link TransactionExecutionListener} (Spring Boot adds
 * every such bean); a transaction begun anywhere else is not touched.
 */
@Component
public class JobThreads implements TransactionExecutionListener {
    private static final ThreadLocal<Boolean> JOB = new ThreadLocal<>();
    private final StatementTimeouts timeouts;

    public JobThreads(StatementTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** Runs {@code work} on this thread with the job's statement timeout for every transaction it begins. */
    public static <T> T run(Supplier<T> work) {
        Boolean before = JOB.get();
        JOB.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                JOB.remove();
            } else {
                JOB.set(before);
            }
        }
    }

    /** Whether the current thread runs job work ({@link #run(Supplier)}). */
    public static boolean active() {
        return Boolean.TRUE.equals(JOB.get());
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        if (beginFailure == null && active() && transaction.isNewTransaction()) {
            timeouts.forJob();
        }
    }
}
