package io.zhibu.shared;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the production profile on anything but a real database (before any bean, so before Flyway),
 * and refuses demo data there.
 */
@Component
public class ProductionGuard implements BeanFactoryPostProcessor, EnvironmentAware {
    private Environment env;

    @Override
    public void setEnvironment(Environment environment) {
        this.env = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!Arrays.asList(env.getActiveProfiles()).contains("prod")) {
            return;
        }
        String url = env.getProperty("spring.datasource.url", "");
        if (url.isBlank() || url.startsWith("jdbc:h2")) {
            throw new IllegalStateException("The prod profile needs PostgreSQL: set ZHIBU_DB_URL (jdbc:postgresql://...), "
                    + "ZHIBU_DB_USER and ZHIBU_DB_PASSWORD. The embedded H2 database is for the demo only.");
        }
        if (env.getProperty("zhibu.demo.enabled", Boolean.class, false)) {
            throw new IllegalStateException("Demo data and demo accounts are not allowed in the prod profile.");
        }
    }
}
