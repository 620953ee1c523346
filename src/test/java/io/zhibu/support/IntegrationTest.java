package io.zhibu.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, on the test database (H2 or a fresh
 * PostgreSQL), with the demo county loaded once per JVM (one cached Spring context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {
    public static final String PASSWORD = "Demo#2026test";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        TestDatabase.Connection3 db = TestDatabase.get();
        r.add("spring.datasource.url", db::url);
        r.add("spring.datasource.username", db::user);
        r.add("spring.datasource.password", db::password);
        if (TestDatabase.isCitus()) { // the Citus profile's settings (application-citus.yml)
            r.add("zhibu.db.citus", () -> "true");
            r.add("spring.flyway.locations",
                    () -> "classpath:db/migration,classpath:db/vendor/{vendor},classpath:db/vendor/citus");
        }
    }

    protected Api api() {
        return new Api("http://localhost:" + port);
    }

    protected Api as(String username) {
        return api().login(username, PASSWORD);
    }
}
