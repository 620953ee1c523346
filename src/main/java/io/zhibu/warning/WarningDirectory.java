package io.zhibu.warning;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the warning module needs to know about organizations, implemented by the org module (dependency inversion:
 * org reports warnings, so warning never depends on org).
 */
public interface WarningDirectory {
    /** An organization reference: id, materialized path and name. */
    record OrgRef(long id, String path, String name) {
    }

    Optional<OrgRef> org(long id);

    Map<Long, OrgRef> orgs(Collection<Long> ids);
}
