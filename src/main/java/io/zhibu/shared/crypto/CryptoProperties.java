package io.zhibu.shared.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for field encryption (SM4, 16 bytes hex), blind indexes and audit MACs (HMAC-SM3, 32 bytes hex).
 * In production they come from the environment (ZHIBU_CRYPTO_DATA_KEY, ...); for the embedded demo they are
 * generated once into {@code <data-dir>/zhibu-keys.properties} when {@code generate-demo-keys} is on.
 */
@ConfigurationProperties("zhibu.crypto")
public record CryptoProperties(String dataKey, String indexKey, String auditKey, boolean generateDemoKeys,
                               String dataDir) {
}
