package io.zhibu.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * Field-level encryption with SM4-GCM (R9.7). Output: {@code v1:} + base64(12-byte nonce || ciphertext || tag);
 * the version prefix leaves room for key rotation.
 */
@Component
public class FieldCipher {
    private static final String VERSION = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final KeyParameter key;
    private final SecureRandom random = new SecureRandom();
    /**
     * One GCM instance per thread, re-initialised per value with a new nonce only: the key is given on the thread's
     * first use, later inits pass no key and keep the SM4 key schedule, the hash key H and its GHASH tables (a fresh
     * instance per value rebuilt the tables, a keyed init per value still re-expanded the key and recomputed H — the
     * bulk of the cost of sealing a roster import). Every instance only ever holds {@link #key}.
     */
    private final ThreadLocal<Gcm> gcms = ThreadLocal.withInitial(Gcm::new);

    private static final class Gcm {
        final GCMBlockCipher cipher = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        boolean keyed;
    }

    public FieldCipher(KeyRing keys) {
        this.key = new KeyParameter(keys.dataKey());
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] in = plain.getBytes(StandardCharsets.UTF_8);
        GCMBlockCipher gcm = cipher(true, nonce);
        byte[] out = new byte[NONCE + gcm.getOutputSize(in.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        int n = gcm.processBytes(in, 0, in.length, out, NONCE);
        try {
            gcm.doFinal(out, NONCE + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return VERSION + Base64.getEncoder().encodeToString(out);
    }

    public String decrypt(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("unknown ciphertext version");
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE);
        GCMBlockCipher gcm = cipher(false, nonce);
        byte[] out = new byte[gcm.getOutputSize(all.length - NONCE)];
        int n = gcm.processBytes(all, NONCE, all.length - NONCE, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("ciphertext failed its integrity check", e);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private GCMBlockCipher cipher(boolean encrypt, byte[] nonce) {
        Gcm gcm = gcms.get();
        gcm.cipher.init(encrypt, new AEADParameters(gcm.keyed ? null : key, TAG_BITS, nonce));
        gcm.keyed = true;
        return gcm.cipher;
    }
}
