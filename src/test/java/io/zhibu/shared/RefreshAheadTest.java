package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The dashboards' refresh-ahead store: one builder per key, the previous value served meanwhile, bounded staleness. */
class RefreshAheadTest {
    final AtomicLong version = new AtomicLong();
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final AtomicInteger builds = new AtomicInteger();
    final RefreshAhead<String, String> store =
            new RefreshAhead<>(Duration.ofSeconds(5), Duration.ofSeconds(60), 100, version::get, v -> true, now::get);

    String build() {
        return "v" + version.get() + "#" + builds.incrementAndGet();
    }

    @Test
    void aFreshValueIsBuiltOnce() {
        assertThat(store.get("root", this::build)).isEqualTo("v0#1");
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(store.get("root", this::build)).isEqualTo("v0#1");
        assertThat(store.get("county", this::build)).as("another key, another value").isEqualTo("v0#2");
    }

    @Test
    void aNewVersionOrAnOldValueIsRebuiltByTheCallerWhoFindsIt() {
        store.get("root", this::build);
        version.incrementAndGet();
        assertThat(store.get("root", this::build)).as("the caller who changed the data reads its change").isEqualTo("v1#2");
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(store.get("root", this::build)).isEqualTo("v1#3");
        assertThat(store.get("root", this::build)).isEqualTo("v1#3");
    }

    @Test
    void whileOneCallerBuildsTheOthersGetThePreviousValue() throws Exception {
        store.get("root", this::build);
        version.incrementAndGet();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> builder = CompletableFuture.supplyAsync(() -> store.get("root", () -> {
            started.countDown();
            await(release);
            return build();
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.get("root", this::build)).as("served at once, not built again").isEqualTo("v0#1");
        assertThat(store.get("root", this::build)).isEqualTo("v0#1");
        release.countDown();
        assertThat(builder.get(10, TimeUnit.SECONDS)).isEqualTo("v1#2");
        assertThat(store.get("root", this::build)).isEqualTo("v1#2");
        assertThat(builds).hasValue(2);
    }

    @Test
    void aValueOlderThanTheBoundIsNeverServed() {
        store.get("root", this::build);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(store.get("root", this::build)).isEqualTo("v0#2");
    }

    @Test
    void aFailedBuildKeepsThePreviousValueForOthersAndLetsTheNextCallerTry() {
        store.get("root", this::build);
        version.incrementAndGet();
        try {
            store.get("root", () -> {
                throw new IllegalStateException("database gone");
            });
        } catch (IllegalStateException expected) {
            // the builder sees its failure
        }
        assertThat(store.get("root", this::build)).isEqualTo("v1#2");
    }

    @Test
    void onlyValuesThatPassTheTestAreKept() {
        AtomicLong count = new AtomicLong(50_000);
        RefreshAhead<String, Long> counts = new RefreshAhead<>(Duration.ofSeconds(5), Duration.ofSeconds(60), 100,
                () -> 0, n -> n >= 10_000, now::get);
        assertThat(counts.get("city", count::get)).isEqualTo(50_000L);
        count.set(50_001);
        assertThat(counts.get("city", count::get)).as("large: kept a few seconds").isEqualTo(50_000L);
        assertThat(counts.get("branch", () -> 30L)).isEqualTo(30L);
        assertThat(counts.get("branch", () -> 31L)).as("small: counted every time").isEqualTo(31L);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        count.set(9_000);
        assertThat(counts.get("city", count::get)).isEqualTo(9_000L);
        count.set(9_001);
        assertThat(counts.get("city", count::get)).as("no longer large: no longer kept").isEqualTo(9_001L);
    }

    @Test
    void zeroFreshnessKeepsNothing() {
        RefreshAhead<String, String> off = new RefreshAhead<>(Duration.ZERO, Duration.ofSeconds(60), 100, version::get, v -> true, now::get);
        assertThat(off.get("root", this::build)).isEqualTo("v0#1");
        assertThat(off.get("root", this::build)).isEqualTo("v0#2");
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
