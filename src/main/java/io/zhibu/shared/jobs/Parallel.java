package io.zhibu.shared.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Set-based jobs (rollup sources, warning sources) run side by side on a small fixed pool. */
public final class Parallel {
    private Parallel() {
    }

    /**
     * Runs every task on {@code threads} threads and returns the results in task order once all are done; the first
     * failure is rethrown as it is (a checked one wrapped), an interrupt as {@link IllegalStateException}.
     */
    public static <T> List<T> all(int threads, List<? extends Callable<T>> tasks, String what) {
        List<T> results = new ArrayList<>(tasks.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return results;
    }
}
