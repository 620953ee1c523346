package io.zhibu.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Fixed test keys (never used outside tests). */
final class CryptoTestKeys {
    static final String DATA_KEY = "0123456789abcdeffedcba9876543210";
    static final String INDEX_KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String AUDIT_KEY = "f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff";
    static final String OTHER_DATA_KEY = "00112233445566778899aabbccddeeff";
    static final String OTHER_INDEX_KEY = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    private CryptoTestKeys() {
    }

    static KeyRing ring(String data, String index, String audit) {
        try {
            return new KeyRing(new CryptoProperties(data, index, audit, false, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyRing ring() {
        return ring(DATA_KEY, INDEX_KEY, AUDIT_KEY);
    }
}
