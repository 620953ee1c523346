package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** §1.3 terms (R1.7/R1.8 depend on them): committees 5 years; village/community bodies 5; other branches 3. */
class OrgDomainTest {

    @ParameterizedTest(name = "§1.3 grassroots committee term is 5 years in {0}")
    @EnumSource(OrgDomain.class)
    void committeeFiveYears(OrgDomain domain) {
        assertThat(domain.termYears(OrgType.COMMITTEE)).isEqualTo(5);
    }

    @ParameterizedTest(name = "§1.3 village/community general branch and branches: 5 years ({0})")
    @EnumSource(value = OrgDomain.class, names = {"RURAL", "COMMUNITY"})
    void villageAndCommunityFiveYears(OrgDomain domain) {
        assertThat(domain.termYears(OrgType.GENERAL_BRANCH)).isEqualTo(5);
        assertThat(domain.termYears(OrgType.BRANCH)).isEqualTo(5);
        assertThat(domain.termYears(OrgType.JOINT_BRANCH)).isEqualTo(5);
    }

    @ParameterizedTest(name = "§1.3 general branch and branches elsewhere: 3 years ({0})")
    @EnumSource(value = OrgDomain.class, names = {"RURAL", "COMMUNITY"}, mode = EnumSource.Mode.EXCLUDE)
    void otherDomainsThreeYears(OrgDomain domain) {
        assertThat(domain.termYears(OrgType.GENERAL_BRANCH)).isEqualTo(3);
        assertThat(domain.termYears(OrgType.BRANCH)).isEqualTo(3);
        assertThat(domain.termYears(OrgType.JOINT_BRANCH)).isEqualTo(3);
    }
}
