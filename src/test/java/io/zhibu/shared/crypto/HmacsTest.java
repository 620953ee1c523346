package io.zhibu.shared.crypto;

import static io.zhibu.shared.crypto.CryptoTestKeys.AUDIT_KEY;
import static io.zhibu.shared.crypto.CryptoTestKeys.DATA_KEY;
import static io.zhibu.shared.crypto.CryptoTestKeys.INDEX_KEY;
import static io.zhibu.shared.crypto.CryptoTestKeys.OTHER_INDEX_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R9.7: HMAC-SM3 blind indexes (equality search on encrypted fields) and integrity MACs. */
class HmacsTest {
    private final Hmacs hmacs = new Hmacs(CryptoTestKeys.ring());

    private static String hmacSm3(String hexKey, String data) {
        HMac h = new HMac(new SM3Digest());
        h.init(new KeyParameter(HexFormat.of().parseHex(hexKey)));
        byte[] in = data.getBytes(StandardCharsets.UTF_8);
        h.update(in, 0, in.length);
        byte[] out = new byte[h.getMacSize()];
        h.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @Test
    @DisplayName("R9.7 blind index is deterministic, lowercase hex, truncated to the requested length")
    void deterministic() {
        String a = hmacs.blindIndex("member.idNumber", "11010519491231002X", 32);
        assertThat(a).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(hmacs.blindIndex("member.idNumber", "11010519491231002X", 32)).isEqualTo(a);
        assertThat(new Hmacs(CryptoTestKeys.ring()).blindIndex("member.idNumber", "11010519491231002X", 32))
                .isEqualTo(a);
        assertThat(hmacs.blindIndex("member.idNumber", "11010519491231002X", 16)).isEqualTo(a.substring(0, 16));
        assertThat(hmacs.blindIndex("member.idNumber", "11010519491231002X", 64)).startsWith(a);
        assertThat(hmacs.blindIndex("member.idNumber", null, 32)).isNull();
    }

    @Test
    @DisplayName("R9.7 blind index is HMAC-SM3 over purpose NUL value with the index key")
    void isHmacSm3() {
        assertThat(hmacs.blindIndex("member.phone", "13812345678", 64))
                .isEqualTo(hmacSm3(INDEX_KEY, "member.phone\u0000" + "13812345678"));
        assertThat(hmacs.auditMac("vote|42|yes")).isEqualTo(hmacSm3(AUDIT_KEY, "vote|42|yes")).hasSize(64);
    }

    @Test
    @DisplayName("R9.7 blind index is purpose-separated and value-sensitive")
    void purposeSeparated() {
        String id = hmacs.blindIndex("member.idNumber", "13812345678", 64);
        String phone = hmacs.blindIndex("member.phone", "13812345678", 64);
        assertThat(id).isNotEqualTo(phone);
        assertThat(hmacs.blindIndex("member.phone", "13812345679", 64)).isNotEqualTo(phone);
        // "a" + NUL + "bc" vs "ab" + NUL + "c": the separator keeps the boundary
        assertThat(hmacs.blindIndex("a", "bc", 64)).isNotEqualTo(hmacs.blindIndex("ab", "c", 64));
    }

    @Test
    @DisplayName("R9.7 index and audit keys are separate; another index key gives other indexes")
    void keySeparation() {
        assertThat(hmacs.auditMac("member.phone\u0000" + "13812345678"))
                .isNotEqualTo(hmacs.blindIndex("member.phone", "13812345678", 64));
        Hmacs other = new Hmacs(CryptoTestKeys.ring(DATA_KEY, OTHER_INDEX_KEY, AUDIT_KEY));
        assertThat(other.blindIndex("member.phone", "13812345678", 64))
                .isNotEqualTo(hmacs.blindIndex("member.phone", "13812345678", 64));
        assertThat(other.auditMac("x")).isEqualTo(hmacs.auditMac("x"));
    }

    @Test
    @DisplayName("R9.7 the per-thread keyed MAC gives the reference value on every call and thread, interleaved with audit MACs")
    void reusedAcrossCallsAndThreads() {
        java.util.List<Integer> values = java.util.stream.IntStream.range(0, 2000).boxed().toList();
        values.parallelStream().forEach(i -> {
            String v = "1381234" + i;
            assertThat(hmacs.blindIndex("member.phone", v, 64)).isEqualTo(hmacSm3(INDEX_KEY, "member.phone\u0000" + v));
            assertThat(hmacs.auditMac(v)).isEqualTo(hmacSm3(AUDIT_KEY, v));
        });
    }
}
