package io.zhibu.support;

import io.zhibu.shared.IdCardNumber;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, unique GB 11643 ID numbers for tests (Beijing 110105, sequence numbers from a counter). */
public final class TestIds {
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 400));

    private TestIds() {
    }

    public static String id(LocalDate birth, boolean male) {
        int seq = SEQ.incrementAndGet() % 499;
        int order = seq * 2 + (male ? 1 : 0);
        String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", order);
        return first17 + IdCardNumber.checkChar(first17);
    }

    /** Each call a new birth date, so IDs stay unique across tests of one JVM. */
    public static String fresh(boolean male) {
        int n = SEQ.incrementAndGet();
        return id(LocalDate.of(1960, 1, 1).plusDays(n * 37L % 10000), male);
    }
}
