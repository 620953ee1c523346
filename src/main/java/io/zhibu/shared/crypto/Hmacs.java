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
    private final byte[] indexKey;
    private final byte[] auditKey;

    public Hmacs(KeyRing keys) {
        this.indexKey = keys.indexKey();
        this.auditKey = keys.auditKey();
    }

    /** Blind index: hex HMAC-SM3 of purpose + value, truncated to {@code hexChars}. */
    public String blindIndex(String purpose, String value, int hexChars) {
        return value == null ? null : mac(indexKey, purpose + '\u0000' + value).substring(0, hexChars);
    }

    public String auditMac(String canonical) {
        return mac(auditKey, canonical);
    }

    private static String mac(byte[] key, String data) {
        HMac h = new HMac(new SM3Digest());
        h.init(new KeyParameter(key));
        byte[] in = data.getBytes(StandardCharsets.UTF_8);
        h.update(in, 0, in.length);
        byte[] out = new byte[h.getMacSize()];
        h.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
