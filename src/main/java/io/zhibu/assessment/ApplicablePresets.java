package io.zhibu.assessment;

import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 适用标准 (issue 18 point 1, "a branch's applicable preset follows its domain and type"): within a preset family, the
 * preset an organization is scored with, by its type (党委 → the committee set) or else its domain (农村、社区、机关、
 * 事业单位、两新). Defaults from the Minhang report (seed 001: 农村、社区、两新、机关、事业单位 and 基层党委 standards;
 * 国有企业 is not in the report and defaults to the 事业单位 set); the Xintian “五化” family (seed 003: the 细则 of its
 * seven domains 农村、社区、机关、学校、医卫、非公有制经济组织和社会组织、国有企业 — one preset per {@link OrgDomain}, a
 * 党委 follows its domain). Configurable per key:
 * {@code zhibu.assessment.applicable.<family>.<ORG_TYPE or DOMAIN>=<preset id>}. Pure apart from the binding.
 */
@ConfigurationProperties("zhibu.assessment")
public record ApplicablePresets(Map<String, Map<String, String>> applicable) {
    /** The Minhang 五好 family. */
    public static final String MINHANG = "minhang-five-good";

    /** The Xintian “五化” family (seed 003): a 细则 per domain. */
    public static final String XINTIAN = "xintian-wuhua";

    /** The defaults: family → (type or domain name → preset id). */
    public static final Map<String, Map<String, String>> DEFAULTS = Map.of(MINHANG, defaultsMinhang(), XINTIAN, defaultsXintian());

    /** One 细则 per domain, named {@code xintian-wuhua-<domain>}; no type override (the report's rules are per domain). */
    private static Map<String, String> defaultsXintian() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(OrgDomain.RURAL.name(), "xintian-wuhua-rural");
        m.put(OrgDomain.COMMUNITY.name(), "xintian-wuhua-community");
        m.put(OrgDomain.AGENCY.name(), "xintian-wuhua-agency");
        m.put(OrgDomain.SCHOOL.name(), "xintian-wuhua-school");
        m.put(OrgDomain.HOSPITAL.name(), "xintian-wuhua-hospital");
        m.put(OrgDomain.STATE_ENTERPRISE.name(), "xintian-wuhua-stateenterprise");
        m.put(OrgDomain.NON_PUBLIC.name(), "xintian-wuhua-nonpublic");
        return Map.copyOf(m);
    }

    private static Map<String, String> defaultsMinhang() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(OrgType.COMMITTEE.name(), "minhang-five-good-committee");
        m.put(OrgDomain.RURAL.name(), "minhang-five-good-rural");
        m.put(OrgDomain.COMMUNITY.name(), "minhang-five-good-community");
        m.put(OrgDomain.AGENCY.name(), "minhang-five-good-agency");
        m.put(OrgDomain.SCHOOL.name(), "minhang-five-good-institution");
        m.put(OrgDomain.HOSPITAL.name(), "minhang-five-good-institution");
        m.put(OrgDomain.STATE_ENTERPRISE.name(), "minhang-five-good-institution");
        m.put(OrgDomain.NON_PUBLIC.name(), "minhang-five-good-nonpublic");
        return Map.copyOf(m);
    }

    /** The families this mapping knows (defaults plus configured ones). */
    public java.util.Set<String> families() {
        java.util.Set<String> out = new java.util.TreeSet<>(DEFAULTS.keySet());
        if (applicable != null) {
            out.addAll(applicable.keySet());
        }
        return out;
    }

    /**
     * The preset of {@code family} for an organization of {@code type} in {@code domain}: the type's entry (configured,
     * then default) wins over the domain's; {@code null} when the family has none.
     */
    public String presetFor(String family, OrgType type, OrgDomain domain) {
        Map<String, String> conf = applicable == null ? Map.of() : applicable.getOrDefault(family, Map.of());
        Map<String, String> def = DEFAULTS.getOrDefault(family, Map.of());
        for (String key : new String[]{type == null ? null : type.name(), domain == null ? null : domain.name()}) {
            if (key == null) {
                continue;
            }
            if (conf.get(key) != null) {
                return conf.get(key);
            }
            if (def.get(key) != null) {
                return def.get(key);
            }
        }
        return null;
    }
}
