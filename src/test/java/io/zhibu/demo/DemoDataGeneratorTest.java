package io.zhibu.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberCodes;
import io.zhibu.org.CreditCode;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgFormationRules;
import io.zhibu.org.OrgType;
import io.zhibu.shared.Gender;
import io.zhibu.shared.IdCardNumber;
import io.zhibu.shared.PartyCalendar;
import io.zhibu.shared.TextInput;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo and benchmark generator: validity (GB 11643, R9.2, R1.2), uniqueness, coverage and determinism. */
class DemoDataGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final long SEED = DemoDataGenerator.DEFAULT_SEED;

    private static RegionPlan county;
    private static List<MemberSpec> members;

    @BeforeAll
    static void generate() {
        county = new DemoDataGenerator(SEED, TODAY).county(DemoDataGenerator.DEFAULT_MEMBERS);
        members = county.members();
    }

    @Test
    void countyHasAboutThreeHundredOrgsAndTheRequestedMembers() {
        assertThat(county.orgs()).hasSize(320);
        assertThat(members).hasSize(10_000);
        assertThat(county.memberCount()).isEqualTo(10_000);
        assertThat(county.root().name()).isEqualTo(DemoDataGenerator.COUNTY_NAME);
        assertThat(county.root().type()).isEqualTo(OrgType.COMMITTEE);
        assertThat(county.root().domain()).isEqualTo(OrgDomain.AGENCY);
    }

    @Test
    void everyIdNumberIsValidAndAgreesWithBirthDateAndGender() {
        for (MemberSpec m : members) {
            IdCardNumber id = IdCardNumber.parse(m.idNumber(), "idNumber", TODAY);
            assertThat(id.birthDate()).as(m.idNumber()).isEqualTo(m.birthDate());
            assertThat(id.gender()).as(m.idNumber()).isEqualTo(m.gender());
            assertThat(county.regionCodes()).contains(id.regionCode());
            assertThat(id.regionCode()).startsWith("41");
        }
    }

    @Test
    void idNumbersAndPhonesAreUnique() {
        assertThat(members.stream().map(MemberSpec::idNumber).distinct().count()).isEqualTo(members.size());
        assertThat(members.stream().map(MemberSpec::phone).distinct().count()).isEqualTo(members.size());
        assertThat(members).allSatisfy(m -> assertThat(m.phone()).matches("1[3-9]\\d{9}"));
    }

    @Test
    void allSevenDomainsAndAllOrgTypesArePresent() {
        assertAllDomainsAndTypes(county);
    }

    @Test
    void treeIsWellFormed() {
        assertWellFormed(county);
    }

    @Test
    void membersOnlyInMemberHoldingOrgsAndEveryBranchHasThreeFullMembers() {
        assertBranchMembership(county, members);
    }

    @Test
    void joinDatesRespectAdulthoodProbationAndToday() {
        assertDates(members);
    }

    @Test
    void membersAreAdultsUpToNinetyWithKnownCodesAndValidNames() {
        for (MemberSpec m : members) {
            int age = PartyCalendar.ageOn(m.birthDate(), TODAY);
            assertThat(age).as(m.name()).isBetween(18, 90);
            assertThat(MemberCodes.ETHNICITY).containsKey(m.ethnicity());
            assertThat(MemberCodes.EDUCATION).containsKey(m.education());
            assertThat(MemberCodes.PERSON_CATEGORY).containsKey(m.personCategory());
            assertThat(TextInput.personName(m.name(), "name")).isEqualTo(m.name());
            assertThat(m.address()).startsWith("河南省焦作市修武县").hasSizeLessThan(90);
            assertThat(m.jobTitle() == null || m.jobTitle().length() <= 50).isTrue();
        }
    }

    @Test
    void distributionsAreRealistic() {
        double n = members.size();
        double male = members.stream().filter(m -> m.gender() == Gender.MALE).count() / n;
        double han = members.stream().filter(m -> m.ethnicity().equals("01")).count() / n;
        double probationary = members.stream().filter(m -> m.category() == MemberCategory.PROBATIONARY).count() / n;
        double retired = members.stream().filter(m -> m.personCategory().equals("04")).count() / n;
        double farmers = members.stream().filter(m -> m.personCategory().equals("02")).count() / n;
        assertThat(male).isBetween(0.64, 0.76);
        assertThat(han).isBetween(0.95, 0.995);
        assertThat(probationary).isBetween(0.04, 0.06);
        assertThat(retired).isBetween(0.16, 0.24);
        assertThat(farmers).isBetween(0.25, 0.55);
        assertThat(members.stream().filter(m -> m.personCategory().equals("03")).count()).isPositive();
        // Farmers live in villages, students belong to schools.
        Map<Integer, OrgSpec> orgs = byKey(county);
        assertThat(members).filteredOn(m -> m.personCategory().equals("02"))
                .allSatisfy(m -> assertThat(orgs.get(m.orgKey()).domain()).isEqualTo(OrgDomain.RURAL));
        assertThat(members).filteredOn(m -> m.personCategory().equals("03"))
                .allSatisfy(m -> assertThat(orgs.get(m.orgKey()).domain()).isEqualTo(OrgDomain.SCHOOL));

        List<OrgSpec> branches = county.orgs().stream().filter(o -> o.type() == OrgType.BRANCH).toList();
        long typical = branches.stream().filter(o -> o.members() >= 15 && o.members() <= 45).count();
        assertThat(typical).isGreaterThan(branches.size() * 7L / 10);
        long oversized = county.orgs().stream().filter(o -> o.members() > OrgFormationRules.BRANCH_MAX_MEMBERS).count();
        assertThat(oversized).isBetween(1L, 2L);
    }

    @Test
    void demoOrganizationsExistWithStableNames() {
        OrgSpec township = county.byName(DemoDataGenerator.TOWNSHIP_NAME).orElseThrow();
        OrgSpec village = county.byName(DemoDataGenerator.VILLAGE_NAME).orElseThrow();
        OrgSpec otherTownship = county.byName(DemoDataGenerator.OTHER_TOWNSHIP_NAME).orElseThrow();
        OrgSpec other = county.byName(DemoDataGenerator.OTHER_VILLAGE_NAME).orElseThrow();
        assertThat(township.type()).isEqualTo(OrgType.COMMITTEE);
        assertThat(township.parentKey()).isZero();
        assertThat(village.type()).isEqualTo(OrgType.BRANCH);
        assertThat(village.parentKey()).isEqualTo(township.key());
        assertThat(other.type()).isEqualTo(OrgType.BRANCH);
        assertThat(other.parentKey()).isEqualTo(otherTownship.key()).isNotEqualTo(township.key());
        for (OrgSpec branch : List.of(village, other)) {
            assertThat(branch.members()).isBetween(15, OrgFormationRules.BRANCH_MAX_MEMBERS);
            List<MemberSpec> own = members.stream().filter(m -> m.orgKey() == branch.key()).toList();
            assertThat(own.getFirst().name()).isEqualTo(branch.secretaryName());
            assertThat(own.stream().filter(m -> m.category() == MemberCategory.FULL).count()).isGreaterThanOrEqualTo(3);
        }
        // Names the directory looks up are unique.
        for (String name : List.of(DemoDataGenerator.COUNTY_NAME, DemoDataGenerator.TOWNSHIP_NAME,
                DemoDataGenerator.VILLAGE_NAME, DemoDataGenerator.OTHER_TOWNSHIP_NAME,
                DemoDataGenerator.OTHER_VILLAGE_NAME)) {
            assertThat(county.orgs().stream().filter(o -> o.name().equals(name)).count()).as(name).isEqualTo(1);
        }
    }

    @Test
    void sameSeedGivesTheSameDataAndAnotherSeedDoesNot() {
        RegionPlan again = new DemoDataGenerator(SEED, TODAY).county(DemoDataGenerator.DEFAULT_MEMBERS);
        assertThat(again.orgs()).isEqualTo(county.orgs());
        assertThat(again.members()).isEqualTo(members);
        // Chunking does not change the members.
        List<MemberSpec> chunked = new java.util.ArrayList<>();
        again.memberChunks(777).forEachRemaining(chunked::addAll);
        assertThat(chunked).isEqualTo(members);

        RegionPlan other = new DemoDataGenerator(SEED + 1, TODAY).county(DemoDataGenerator.DEFAULT_MEMBERS);
        assertThat(other.members().subList(0, 50)).isNotEqualTo(members.subList(0, 50));
    }

    @Test
    void smallerDemoKeepsEveryDomainTypeAndRule() {
        RegionPlan small = new DemoDataGenerator(7, TODAY).county(1_500);
        List<MemberSpec> smallMembers = small.members();
        assertThat(smallMembers).hasSize(1_500);
        assertAllDomainsAndTypes(small);
        assertWellFormed(small);
        assertBranchMembership(small, smallMembers);
        assertDates(smallMembers);
        assertThat(small.byName(DemoDataGenerator.VILLAGE_NAME)).isPresent();
        assertThat(small.byName(DemoDataGenerator.OTHER_VILLAGE_NAME)).isPresent();
    }

    @Test
    void tooFewMembersAreRefused() {
        assertThatThrownBy(() -> new DemoDataGenerator(SEED, TODAY).county(100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cityHasTheExactOrgCountAndTheSameRealism() {
        RegionPlan city = new DemoDataGenerator(SEED, TODAY).city(0, 1_500, 45_000);
        assertThat(city.orgs()).hasSize(1_500);
        assertThat(city.root().name()).isEqualTo(DemoDataGenerator.cityCommitteeNames().getFirst());
        List<MemberSpec> cityMembers = city.members();
        assertThat(cityMembers).hasSize(45_000);
        assertAllDomainsAndTypes(city);
        assertWellFormed(city);
        assertBranchMembership(city, cityMembers);
        assertDates(cityMembers);
        assertThat(cityMembers).allSatisfy(m -> {
            IdCardNumber id = IdCardNumber.parse(m.idNumber(), "idNumber", TODAY);
            assertThat(id.gender()).isEqualTo(m.gender());
            assertThat(id.birthDate()).isEqualTo(m.birthDate());
        });
        assertThat(cityMembers.stream().map(MemberSpec::idNumber).distinct().count()).isEqualTo(45_000);
        // The city's ID numbers never collide with the demo county's (different county codes).
        Set<String> countyRegions = Set.copyOf(county.regionCodes());
        assertThat(cityMembers).noneMatch(m -> countyRegions.contains(m.idNumber().substring(0, 6)));
        // Counties and districts under the city root.
        long counties = city.orgs().stream().filter(o -> o.parentKey() == 0 && o.name().matches("中共.+[县区市]委"))
                .count();
        assertThat(counties).isBetween(5L, 14L);
    }

    @Test
    void defaultCityStreamsInBoundedChunks() {
        RegionPlan city = new DemoDataGenerator(SEED, TODAY)
                .city(1, DemoDataGenerator.DEFAULT_CITY_ORGS, DemoDataGenerator.DEFAULT_CITY_MEMBERS);
        assertThat(city.orgs()).hasSize(DemoDataGenerator.DEFAULT_CITY_ORGS);
        assertAllDomainsAndTypes(city);
        Set<String> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        int total = 0;
        Iterator<List<MemberSpec>> chunks = city.memberChunks(2_000);
        while (chunks.hasNext()) {
            List<MemberSpec> chunk = chunks.next();
            assertThat(chunk.size()).isBetween(1, 2_000);
            for (MemberSpec m : chunk) {
                ids.add(m.idNumber());
                phones.add(m.phone());
            }
            total += chunk.size();
        }
        assertThat(total).isEqualTo(DemoDataGenerator.DEFAULT_CITY_MEMBERS);
        assertThat(ids).hasSize(total);
        assertThat(phones).hasSize(total);
    }

    @Test
    void provinceHasItsSeventeenCitiesTheExactOrgCountAndUniqueIds() {
        RegionPlan province = new DemoDataGenerator(SEED, TODAY).province(150_000, 4_000_000);
        assertThat(province.orgs()).hasSize(150_000);
        assertThat(province.memberCount()).isEqualTo(4_000_000);
        assertThat(province.root().name()).isEqualTo(DemoDataGenerator.provinceCommitteeName());
        assertThat(province.orgs().stream().filter(o -> o.parentKey() == 0).map(OrgSpec::name))
                .hasSize(17).contains("中共郑州市委", "中共洛阳市委", "中共驻马店市委");
        for (OrgSpec o : province.orgs()) {
            if (o.key() > 0) {
                OrgSpec parent = province.orgs().get(o.parentKey());
                assertThat(o.parentKey()).isLessThan(o.key());
                assertThat(parent.type().canHaveChild(o.type())).isTrue();
            }
        }
        assertThat(province.orgs().stream().map(OrgSpec::code).distinct().count()).isEqualTo(150_000);

        RegionPlan small = new DemoDataGenerator(SEED, TODAY).province(17 * 400, 200_000);
        assertWellFormed(small);
        assertAllDomainsAndTypes(small);
        List<MemberSpec> members = small.members();
        assertThat(members.stream().map(MemberSpec::idNumber).distinct().count()).isEqualTo(200_000);
        assertBranchMembership(small, members);
    }

    // ---------------------------------------------------------------- shared checks

    private static Map<Integer, OrgSpec> byKey(RegionPlan plan) {
        return plan.orgs().stream().collect(Collectors.toMap(OrgSpec::key, o -> o));
    }

    private static void assertAllDomainsAndTypes(RegionPlan plan) {
        assertThat(plan.orgs().stream().map(OrgSpec::domain).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(OrgDomain.class));
        assertThat(plan.orgs().stream().map(OrgSpec::type).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(OrgType.class));
    }

    /** Parents first, allowed parent/child types, valid names, codes and dates (what OrgService.create checks). */
    private static void assertWellFormed(RegionPlan plan) {
        LocalDate today = plan.today();
        for (OrgSpec o : plan.orgs()) {
            assertThat(o.key()).isEqualTo(plan.orgs().indexOf(o));
            if (o.key() == 0) {
                assertThat(o.parentKey()).isEqualTo(-1);
            } else {
                assertThat(o.parentKey()).isBetween(0, o.key() - 1);
                OrgSpec parent = plan.orgs().get(o.parentKey());
                assertThat(parent.type().canHaveChild(o.type())).as(parent.name() + " > " + o.name()).isTrue();
                assertThat(o.establishedOn()).as(o.name()).isAfterOrEqualTo(parent.establishedOn());
            }
            assertThat(o.name()).hasSizeLessThanOrEqualTo(100).startsWith("中共");
            assertThat(o.hostUnitName() == null || o.hostUnitName().length() <= 100).isTrue();
            assertThat(o.secretaryName()).isNotBlank().hasSizeLessThanOrEqualTo(50);
            assertThat(o.regionCode()).matches("\\d{6}");
            if (o.hostUnitCreditCode() != null) {
                assertThat(CreditCode.isValid(o.hostUnitCreditCode())).as(o.hostUnitCreditCode()).isTrue();
            }
            assertThat(o.establishedOn()).isBefore(today);
            if (o.type() == OrgType.PARTY_GROUP) {
                assertThat(o.termStartedOn()).isNull();
            } else {
                assertThat(o.termStartedOn()).as(o.name()).isAfterOrEqualTo(o.establishedOn())
                        .isBeforeOrEqualTo(today).isAfter(today.minusYears(5));
            }
        }
        assertThat(plan.orgs().stream().map(OrgSpec::code).distinct().count()).isEqualTo(plan.orgs().size());
        assertThat(plan.orgs()).allSatisfy(o -> assertThat(o.code()).matches("[A-Za-z0-9_-]{1,32}"));
        assertThat(plan.orgs().stream().filter(o -> o.type() == OrgType.TEMPORARY_BRANCH))
                .allSatisfy(o -> assertThat(o.establishedOn()).isAfter(today.minusYears(1)));
    }

    private static void assertBranchMembership(RegionPlan plan, List<MemberSpec> all) {
        Map<Integer, OrgSpec> orgs = byKey(plan);
        Map<Integer, Integer> total = new HashMap<>();
        Map<Integer, Integer> full = new HashMap<>();
        for (MemberSpec m : all) {
            assertThat(orgs.get(m.orgKey()).holdsMembers()).isTrue();
            total.merge(m.orgKey(), 1, Integer::sum);
            if (m.category() == MemberCategory.FULL) {
                full.merge(m.orgKey(), 1, Integer::sum);
            }
        }
        for (OrgSpec o : plan.orgs()) {
            assertThat(total.getOrDefault(o.key(), 0)).as(o.name()).isEqualTo(o.members());
            if (o.holdsMembers()) {
                assertThat(full.getOrDefault(o.key(), 0)).as(o.name())
                        .isGreaterThanOrEqualTo(OrgFormationRules.BRANCH_MIN_FULL_MEMBERS);
            } else {
                assertThat(o.members()).isZero();
            }
        }
    }

    private static void assertDates(List<MemberSpec> all) {
        for (MemberSpec m : all) {
            assertThat(m.joinedOn()).as(m.idNumber()).isAfterOrEqualTo(m.birthDate().plusYears(18))
                    .isBeforeOrEqualTo(TODAY);
            if (m.category() == MemberCategory.PROBATIONARY) {
                assertThat(m.joinedOn()).isAfter(TODAY.minusMonths(12));
            } else {
                assertThat(PartyCalendar.fullMemberDate(m.joinedOn(), 0)).isBeforeOrEqualTo(TODAY);
            }
        }
    }
}
