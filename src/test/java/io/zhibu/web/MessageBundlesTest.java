package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every module bundle has a complete English twin: same keys as the Chinese default. */
class MessageBundlesTest {
    private static Properties load(Resource r) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyBundleHasTheSameKeysInEnglish() throws Exception {
        var resolver = new PathMatchingResourcePatternResolver();
        int checked = 0;
        for (Resource zh : resolver.getResources("classpath:i18n/*.properties")) {
            String name = zh.getFilename();
            if (name.contains("_")) {
                continue;
            }
            Resource en = resolver.getResource("classpath:i18n/" + name.replace(".properties", "_en.properties"));
            assertThat(en.exists()).as("English bundle for " + name).isTrue();
            assertThat(load(en).stringPropertyNames()).as(name)
                    .containsExactlyInAnyOrderElementsOf(load(zh).stringPropertyNames());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(1);
        assertThat(load(resolver.getResource("classpath:i18n/messages.properties")).getProperty("nav.members")).isEqualTo("党员");
    }
}
