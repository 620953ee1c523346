package io.zhibu.warning.internal;

import io.zhibu.db.tables.records.WarningWarningRecord;
import io.zhibu.shared.Role;
import io.zhibu.warning.RecipientDirectory;
import io.zhibu.warning.RecipientDirectory.Recipient;
import io.zhibu.warning.WarningDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Who must act on a warning: the branch's secretaries, the superior's staff, the member (by the rule's flags). */
@Component
class Recipients {
    private final ObjectProvider<RecipientDirectory> directory;
    private final ObjectProvider<WarningDirectory> orgs;

    Recipients(ObjectProvider<RecipientDirectory> directory, ObjectProvider<WarningDirectory> orgs) {
        this.directory = directory;
        this.orgs = orgs;
    }

    /** A snapshot of the recipients, indexed by the path of their scope organization and by member id. */
    final class Index {
        final Map<String, List<Recipient>> byPath = new HashMap<>();
        final Map<Long, Recipient> byMember = new HashMap<>();
        final List<Recipient> secretaries = new ArrayList<>();

        Set<Recipient> of(WarningWarningRecord w) {
            Set<Recipient> out = new LinkedHashSet<>();
            if (w.getForBranch()) {
                out.addAll(byPath.getOrDefault(w.getOrgPath(), List.of()));
            }
            if (w.getForUpper()) {
                out.addAll(byPath.getOrDefault(w.getUpperPath(), List.of()));
            }
            if (w.getForMember() && w.getMemberId() != null && byMember.containsKey(w.getMemberId())) {
                out.add(byMember.get(w.getMemberId()));
            }
            return out;
        }
    }

    Index load() {
        Index idx = new Index();
        RecipientDirectory dir = directory.getIfAvailable();
        WarningDirectory org = orgs.getIfAvailable();
        if (dir == null) {
            return idx;
        }
        List<Recipient> all = dir.recipients();
        Map<Long, WarningDirectory.OrgRef> refs = org == null ? Map.of()
                : org.orgs(all.stream().map(Recipient::scopeOrgId).filter(java.util.Objects::nonNull).distinct().toList());
        for (Recipient r : all) {
            if (r.role() == Role.MEMBER && r.memberId() != null) {
                idx.byMember.put(r.memberId(), r);
            } else if ((r.role() == Role.BRANCH_SECRETARY || r.role() == Role.ORG_STAFF) && refs.containsKey(r.scopeOrgId())) {
                idx.byPath.computeIfAbsent(refs.get(r.scopeOrgId()).path(), k -> new ArrayList<>()).add(r);
                if (r.role() == Role.BRANCH_SECRETARY) {
                    idx.secretaries.add(r);
                }
            }
        }
        return idx;
    }

    Map<Long, WarningDirectory.OrgRef> orgsOf(List<Long> ids) {
        WarningDirectory org = orgs.getIfAvailable();
        return org == null || ids.isEmpty() ? Map.of() : org.orgs(ids);
    }
}
