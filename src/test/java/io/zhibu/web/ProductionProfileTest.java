package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.ZhibuApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile refuses the embedded database and demo data. */
class ProductionProfileTest {

    @Test
    void prodRefusesH2() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ZhibuApplication.class).profiles("prod")
                .run("--spring.datasource.url=jdbc:h2:mem:prodcheck", "--server.port=0"))
                .hasStackTraceContaining("needs PostgreSQL");
    }

    @Test
    void prodRefusesDemoData() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ZhibuApplication.class).profiles("prod")
                .run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none", "--zhibu.demo.enabled=true",
                        "--server.port=0"))
                .hasStackTraceContaining("Demo data");
    }
}
