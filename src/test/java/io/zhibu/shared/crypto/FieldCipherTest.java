package io.zhibu.shared.crypto;

import static io.zhibu.shared.crypto.CryptoTestKeys.AUDIT_KEY;
import static io.zhibu.shared.crypto.CryptoTestKeys.INDEX_KEY;
import static io.zhibu.shared.crypto.CryptoTestKeys.OTHER_DATA_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R9.7: SM4-GCM field-level encryption of ID number, phone, address. */
class FieldCipherTest {
    private final FieldCipher cipher = new FieldCipher(CryptoTestKeys.ring());

    @ParameterizedTest(name = "R9.7 round trip [{0}]")
    @ValueSource(strings = {"11010519491231002X", "13812345678", "北京市东城区景山前街4号 · 故宫", "", "𠀀 rare"})
    void roundTrip(String plain) {
        String sealed = cipher.encrypt(plain);
        assertThat(sealed).startsWith("v1:");
        if (!plain.isEmpty()) {
            assertThat(sealed).doesNotContain(plain);
        }
        assertThat(cipher.decrypt(sealed)).isEqualTo(plain);
    }

    @Test
    @DisplayName("R9.7 null passes through")
    void nulls() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    @DisplayName("R9.7 random nonce: same plaintext encrypts differently, both decrypt")
    void randomNonce() {
        String a = cipher.encrypt("张三丰");
        String b = cipher.encrypt("张三丰");
        assertThat(a).isNotEqualTo(b);
        assertThat(cipher.decrypt(a)).isEqualTo("张三丰");
        assertThat(cipher.decrypt(b)).isEqualTo("张三丰");
    }

    @Test
    @DisplayName("R9.7 layout: v1: + base64(12-byte nonce || ciphertext || 16-byte tag)")
    void layout() {
        byte[] plain = "张三丰".getBytes(StandardCharsets.UTF_8);
        byte[] all = Base64.getDecoder().decode(cipher.encrypt("张三丰").substring(3));
        assertThat(all).hasSize(12 + plain.length + 16);
    }

    @ParameterizedTest(name = "R9.7 interoperates with plain BouncyCastle SM4-GCM under the configured data key, value {0} of the thread")
    @ValueSource(ints = {1, 2, 3})
    void isSm4Gcm(int values) throws Exception {
        // the thread's cipher is keyed on its first value only; later values must be sealed under the same key
        for (int i = 1; i < values; i++) {
            cipher.decrypt(cipher.encrypt("党员" + i));
        }
        byte[] all = Base64.getDecoder().decode(cipher.encrypt("公民身份号码").substring(3));
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(HexFormat.of().parseHex(CryptoTestKeys.DATA_KEY)), 128,
                Arrays.copyOf(all, 12)));
        byte[] out = new byte[gcm.getOutputSize(all.length - 12)];
        int n = gcm.processBytes(all, 12, all.length - 12, out, 0);
        n += gcm.doFinal(out, n);
        assertThat(new String(out, 0, n, StandardCharsets.UTF_8)).isEqualTo("公民身份号码");
    }

    @ParameterizedTest(name = "R9.6/R9.7 integrity: flipping byte {0} of the sealed value is detected")
    @ValueSource(ints = {0, 11, 12, 20, -1})
    void tampering(int index) {
        byte[] all = Base64.getDecoder().decode(cipher.encrypt("11010519491231002X").substring(3));
        int i = index < 0 ? all.length + index : index;
        all[i] ^= 0x01;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(all);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    @DisplayName("R9.7 truncated ciphertext is refused")
    void truncated() {
        byte[] all = Base64.getDecoder().decode(cipher.encrypt("13812345678").substring(3));
        String cut = "v1:" + Base64.getEncoder().encodeToString(Arrays.copyOf(all, all.length - 1));
        assertThatThrownBy(() -> cipher.decrypt(cut)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("R9.7 a different data key cannot decrypt")
    void wrongKey() {
        FieldCipher other = new FieldCipher(CryptoTestKeys.ring(OTHER_DATA_KEY, INDEX_KEY, AUDIT_KEY));
        String sealed = cipher.encrypt("13812345678");
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("R9.7 a second instance with the same key decrypts (no per-instance state)")
    void sameKeyOtherInstance() {
        FieldCipher again = new FieldCipher(CryptoTestKeys.ring());
        assertThat(again.decrypt(cipher.encrypt("家庭住址"))).isEqualTo("家庭住址");
    }

    @Test
    @DisplayName("R9.7 unknown version prefix is refused")
    void unknownVersion() {
        String sealed = cipher.encrypt("x");
        assertThatThrownBy(() -> cipher.decrypt("v2:" + sealed.substring(3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> cipher.decrypt(sealed.substring(3))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("R9.7 the per-thread GCM instance seals and opens values of any length on many threads, also after a failed check")
    void reusedAcrossCallsAndThreads() {
        byte[] raw = java.util.Base64.getDecoder().decode(cipher.encrypt("11010519491231002X").substring(3));
        raw[raw.length - 1] ^= 1;
        String bad = "v1:" + java.util.Base64.getEncoder().encodeToString(raw);
        java.util.stream.IntStream.range(0, 2000).parallel().forEach(i -> {
            String plain = "北京".repeat(i % 40) + i;
            String sealed = cipher.encrypt(plain);
            if (i % 100 == 0) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> cipher.decrypt(bad)).isInstanceOf(IllegalStateException.class);
            }
            assertThat(cipher.decrypt(sealed)).isEqualTo(plain);
            assertThat(new FieldCipher(CryptoTestKeys.ring()).decrypt(sealed)).isEqualTo(plain);
        });
    }
}
