package io.zhibu.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * HMAC-SM3 (R9.7): blind indexes for equality search over encrypted fields, and integrity MACs.
 * Each purpose is domain-separated so an index value of one field never matches another field.
 */
@Component
public class Hmacs {
    /** Keyed once per thread: HMac keeps the keyed state and returns to it after each value. */
    private final ThreadLocal<HMac> indexMac;
    private final ThreadLocal<HMac> auditMac;

    public Hmacs(KeyRing keys) {
        byte[] indexKey = keys.indexKey();
        byte[] auditKey = keys.auditKey();
        this.indexMac = ThreadLocal.withInitial(() -> keyed(indexKey));
        this.auditMac = ThreadLocal.withInitial(() -> keyed(auditKey));
    }

    private static HMac keyed(byte[] key) {
        HMac h = new HMac(new SM3Digest());
        h.init(new KeyParameter(key));
        return h;
    }

    /** Blind index: hex HMAC-SM3 of purpose + value, truncated to {@code hexChars}. */
    public String blindIndex(String purpose, String value, int hexChars) {
        return value == null ? null : mac(indexMac.get(), purpose + '\u0000' + value).substring(0, hexChars);
    }

    public String auditMac(String canonical) {
        return mac(auditMac.get(), canonical);
    }

    private static String mac(HMac h, String data) {
        byte[] in = data.getBytes(StandardCharsets.UTF_8);
        h.update(in, 0, in.length);
        byte[] out = new byte[h.getMacSize()];
        h.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
