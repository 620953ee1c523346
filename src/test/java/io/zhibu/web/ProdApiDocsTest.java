package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Issue 19 point 14: the prod profile switches the OpenAPI document and Swagger UI off unless ZHIBU_API_DOCS=true. */
class ProdApiDocsTest {
    private static StandardEnvironment prod(java.util.Map<String, Object> env) throws Exception {
        StandardEnvironment e = new StandardEnvironment();
        e.getPropertySources().addFirst(new MapPropertySource("env", env));
        for (var s : new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"))) {
            e.getPropertySources().addLast(s);
        }
        return e;
    }

    @Test
    void apiDocsAreOffInProdUnlessEnabled() throws Exception {
        StandardEnvironment off = prod(java.util.Map.of());
        assertThat(off.getProperty("springdoc.api-docs.enabled", Boolean.class)).isFalse();
        assertThat(off.getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isFalse();
        StandardEnvironment on = prod(java.util.Map.of("ZHIBU_API_DOCS", "true"));
        assertThat(on.getProperty("springdoc.api-docs.enabled", Boolean.class)).isTrue();
    }
}
