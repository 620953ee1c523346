package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.internal.PresetLibrary;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A branch's applicable preset follows its type (党委) and else its domain; configuration overrides the defaults. */
class ApplicablePresetsTest {
    private final ApplicablePresets defaults = new ApplicablePresets(null);

    @Test
    void minhangDefaultsFollowTheReportsDomainsAndTheCommitteeType() {
        String f = ApplicablePresets.MINHANG;
        assertThat(defaults.presetFor(f, OrgType.BRANCH, OrgDomain.RURAL)).isEqualTo("minhang-five-good-rural");
        assertThat(defaults.presetFor(f, OrgType.BRANCH, OrgDomain.COMMUNITY)).isEqualTo("minhang-five-good-community");
        assertThat(defaults.presetFor(f, OrgType.BRANCH, OrgDomain.AGENCY)).isEqualTo("minhang-five-good-agency");
        assertThat(defaults.presetFor(f, OrgType.BRANCH, OrgDomain.SCHOOL)).isEqualTo("minhang-five-good-institution");
        assertThat(defaults.presetFor(f, OrgType.JOINT_BRANCH, OrgDomain.NON_PUBLIC)).isEqualTo("minhang-five-good-nonpublic");
        // 党委 by type, whatever its domain
        assertThat(defaults.presetFor(f, OrgType.COMMITTEE, OrgDomain.RURAL)).isEqualTo("minhang-five-good-committee");
        assertThat(defaults.presetFor("unknown", OrgType.BRANCH, OrgDomain.RURAL)).isNull();
    }

    @Test
    void everyDefaultNamesAShippedPreset() {
        PresetLibrary library = new PresetLibrary();
        for (OrgDomain d : OrgDomain.values()) {
            for (OrgType t : OrgType.values()) {
                String id = defaults.presetFor(ApplicablePresets.MINHANG, t, d);
                assertThat(library.get(id)).as(t + " " + d + " → " + id).isPresent();
            }
        }
    }

    @Test
    void configurationOverridesADomainOrAddsAFamily() {
        ApplicablePresets conf = new ApplicablePresets(Map.of(ApplicablePresets.MINHANG,
                Map.of("STATE_ENTERPRISE", "minhang-five-good-nonpublic"), "mine", Map.of("RURAL", "qingshen-6x")));
        assertThat(conf.presetFor(ApplicablePresets.MINHANG, OrgType.BRANCH, OrgDomain.STATE_ENTERPRISE))
                .isEqualTo("minhang-five-good-nonpublic");
        assertThat(conf.presetFor(ApplicablePresets.MINHANG, OrgType.BRANCH, OrgDomain.RURAL)).isEqualTo("minhang-five-good-rural");
        assertThat(conf.presetFor("mine", OrgType.BRANCH, OrgDomain.RURAL)).isEqualTo("qingshen-6x");
        assertThat(conf.families()).contains("mine", ApplicablePresets.MINHANG);
    }
}
