package io.zhibu.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SharedConfig {
    /** Dates (deadlines, ages, "today") are taken in the platform's zone, default Asia/Shanghai. */
    @Bean
    Clock clock(@Value("${zhibu.zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
