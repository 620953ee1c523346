package io.zhibu.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.demo.LivedYear;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Which earlier parts of the lived year a part waits for: every one by default, only the named ones when it says so. */
class LivedYearOrderTest {
    record Part(String name, int order, Set<String> runsAfter) implements LivedYear {
        @Override
        public long generate(Region region) {
            return 0;
        }
    }

    private final Map<String, CompletableFuture<String>> earlier = new LinkedHashMap<>();

    {
        for (String n : List.of("committees", "meetings", "dues")) {
            earlier.put(n, CompletableFuture.completedFuture(n));
        }
    }

    @Test
    void byDefaultAPartWaitsForEveryEarlierPart() {
        var waits = LivedYearLoader.prerequisites(new Part("transfers", 40, LivedYear.ALL_BEFORE), earlier);
        assertThat(waits).extracting(CompletableFuture::join).containsExactly("committees", "meetings", "dues");
    }

    @Test
    void aPartThatNamesItsPrerequisitesWaitsForThoseOnly() {
        assertThat(LivedYearLoader.prerequisites(new Part("points", 35, Set.of("meetings")), earlier))
                .extracting(CompletableFuture::join).containsExactly("meetings");
        assertThat(LivedYearLoader.prerequisites(new Part("dues", 20, Set.of()), earlier)).isEmpty();
    }

    @Test
    void aPrerequisiteThatIsNotAnEarlierPartIsAMistakeNamedAtStart() {
        assertThatThrownBy(() -> LivedYearLoader.prerequisites(new Part("meetings", 10, Set.of("points")), earlier))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("points");
    }
}
