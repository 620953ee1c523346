package io.zhibu.demo;

import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.MemberService;
import io.zhibu.member.MemberSummary;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where the demo county's well-known organizations and members are (for tests and the demo accounts), looked up
 * by their stable names at run time, so it also works after a restart. Empty when no demo data was loaded.
 */
@Component
public class DemoDirectory {
    private final OrgService orgs;
    private final MemberService members;
    private volatile DemoIds cached;

    public DemoDirectory(OrgService orgs, MemberService members) {
        this.orgs = orgs;
        this.members = members;
    }

    /**
     * Ids of the demo data: the county root (中共修武县委); the demo township (中共城关镇委员会) and its village branch
     * (中共城关镇东关村支部委员会, the {@code secretary} account's scope, ≥3 full members); a village branch in a
     * different township (中共七贤镇西王村支部委员会) for scope tests; a full member of each branch (the first member
     * of the demo branch who is not its secretary is the {@code member} account).
     */
    public record DemoIds(long countyId, long townshipId, long villageBranchId, long otherTownshipId,
                          long otherBranchId, long villageMemberId, long otherMemberId) {
    }

    /** The demo ids, or empty if the demo county is not (completely) in the database. */
    public Optional<DemoIds> find() {
        DemoIds ids = cached;
        if (ids == null) {
            ids = SystemActor.call(this::lookup);
            cached = ids;
        }
        return Optional.ofNullable(ids);
    }

    /** Looks the ids up now, without caching (for the loader, inside its not yet committed transaction). */
    Optional<DemoIds> findUncached() {
        return Optional.ofNullable(SystemActor.call(this::lookup));
    }

    /** The demo ids; fails when the demo data is absent. */
    public DemoIds get() {
        return find().orElseThrow(() -> new IllegalStateException("No demo data: start with zhibu.demo.enabled=true"));
    }

    private DemoIds lookup() {
        Organization county = exact(SystemActor.SCOPE, DemoDataGenerator.COUNTY_NAME, OrgType.COMMITTEE)
                .filter(o -> o.parentId() == null).orElse(null);
        if (county == null) {
            return null;
        }
        DataScope inCounty = SystemActor.within(county.id(), county.path(), county.regionOrgId());
        Optional<Organization> township = exact(inCounty, DemoDataGenerator.TOWNSHIP_NAME, OrgType.COMMITTEE);
        Optional<Organization> village = exact(inCounty, DemoDataGenerator.VILLAGE_NAME, OrgType.BRANCH);
        Optional<Organization> otherTownship = exact(inCounty, DemoDataGenerator.OTHER_TOWNSHIP_NAME, OrgType.COMMITTEE);
        Optional<Organization> other = exact(inCounty, DemoDataGenerator.OTHER_VILLAGE_NAME, OrgType.BRANCH);
        if (township.isEmpty() || village.isEmpty() || otherTownship.isEmpty() || other.isEmpty()) {
            return null;
        }
        Optional<MemberSummary> villageMember = fullMember(village.get());
        Optional<MemberSummary> otherMember = fullMember(other.get());
        if (villageMember.isEmpty() || otherMember.isEmpty()) {
            return null;
        }
        return new DemoIds(county.id(), township.get().id(), village.get().id(), otherTownship.get().id(),
                other.get().id(), villageMember.get().id(), otherMember.get().id());
    }

    private Optional<Organization> exact(DataScope scope, String name, OrgType type) {
        return orgs.search(scope, name, List.of(type), 50).stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** The branch's first full member (in roster order) who is not its secretary. */
    private Optional<MemberSummary> fullMember(Organization branch) {
        MemberFilter filter = new MemberFilter(branch.id(), null, MemberCategory.FULL, null, null, null, null);
        return members.search(SystemActor.SCOPE, filter, 0, 10).items().stream()
                .filter(m -> m.orgId() == branch.id())
                .filter(m -> !m.name().equals(branch.secretaryName()))
                .findFirst();
    }
}
