package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The English bundle is complete: same keys as the Chinese default. */
class MessageBundlesTest {
    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void bundlesHaveTheSameKeys() throws Exception {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
        assertThat(zh.getProperty("nav.members")).isEqualTo("党员");
    }
}
