package io.zhibu.org.internal;

import static io.zhibu.db.Tables.ORG_ORGANIZATION;

import io.zhibu.warning.WarningDirectory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The warning module's view of organizations (path and name by id). */
@Component
class OrgWarningDirectory implements WarningDirectory {
    private final DSLContext db;

    OrgWarningDirectory(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<OrgRef> org(long id) {
        return db.select(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.PATH, ORG_ORGANIZATION.NAME).from(ORG_ORGANIZATION)
                .where(ORG_ORGANIZATION.ID.eq(id)).fetchOptional(r -> new OrgRef(r.value1(), r.value2(), r.value3()));
    }

    @Override
    public Map<Long, OrgRef> orgs(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.select(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.PATH, ORG_ORGANIZATION.NAME).from(ORG_ORGANIZATION)
                .where(ORG_ORGANIZATION.ID.in(ids)).fetch(r -> new OrgRef(r.value1(), r.value2(), r.value3()))
                .stream().collect(Collectors.toMap(OrgRef::id, o -> o));
    }
}
