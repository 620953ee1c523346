package io.zhibu.shared.db;

import java.util.Objects;
import org.jooq.Field;
import org.jooq.RecordContext;
import org.jooq.RecordListener;
import org.jooq.impl.DefaultRecordListenerProvider;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On Citus (issue 23 point 3) a stored record's UPDATE must not name the region key: services that re-fill a record
 * (an edit form) set {@code region_org_id} to the value it already has, which jOOQ marks as changed. This listener
 * drops such unchanged assignments before the UPDATE is rendered; a real change is left to the database (allowed on a
 * reference table such as the org tree, refused by Citus on a distributed one). Only with {@code zhibu.db.citus}.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "zhibu.db.citus", havingValue = "true")
public class CitusRecordGuard {

    @Bean
    DefaultConfigurationCustomizer citusRegionKeyListener() {
        return c -> c.set(new DefaultRecordListenerProvider(new RecordListener() {
            @Override
            public void updateStart(RecordContext ctx) {
                var r = ctx.record();
                Field<?> region = r.field("region_org_id");
                if (region != null && r.changed(region) && r.original(region) != null
                        && Objects.equals(r.original(region), r.get(region))) {
                    r.changed(region, false); // a real change stays: Citus refuses it on a distributed table
                }
            }
        }));
    }
}
