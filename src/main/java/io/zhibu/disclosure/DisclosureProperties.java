package io.zhibu.disclosure;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code zhibu.disclosure}: what a village-level organization ({@code village}) and every other branch-level
 * organization ({@code other}) must publish — per category its cadence and the required content headings, each of
 * which an item's text must contain — and {@code grace-days} after a period's end before a missing item is overdue
 * (a warning). Defaults: villages publish 党务 and 村务 quarterly and 财务 monthly; others 党务 quarterly; 10 days.
 */
@ConfigurationProperties("zhibu.disclosure")
public record DisclosureProperties(Integer graceDays, List<Requirement> village, List<Requirement> other) {

    /** One required category: its cadence and the content headings an item must cover. */
    public record Requirement(DisclosureCategory category, Cadence cadence, List<String> topics) {
        public Requirement {
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    public static final List<Requirement> DEFAULT_VILLAGE = List.of(
            new Requirement(DisclosureCategory.PARTY, Cadence.QUARTERLY, List.of("组织建设", "党员发展", "党费收缴")),
            new Requirement(DisclosureCategory.VILLAGE, Cadence.QUARTERLY, List.of("重大事项决策", "惠民政策落实")),
            new Requirement(DisclosureCategory.FINANCE, Cadence.MONTHLY, List.of("收入", "支出")));
    public static final List<Requirement> DEFAULT_OTHER = List.of(
            new Requirement(DisclosureCategory.PARTY, Cadence.QUARTERLY, List.of("组织建设", "党员发展", "党费收缴")));

    public int grace() {
        return graceDays == null ? 10 : graceDays;
    }

    public List<Requirement> forVillage() {
        return village == null || village.isEmpty() ? DEFAULT_VILLAGE : village;
    }

    public List<Requirement> forOther() {
        return other == null || other.isEmpty() ? DEFAULT_OTHER : other;
    }

    /** The requirements of an organization of this profile (none when it publishes nothing required). */
    public List<Requirement> of(DisclosureRules.Profile profile) {
        return switch (profile) {
            case VILLAGE -> forVillage();
            case OTHER -> forOther();
            case NONE -> List.of();
        };
    }
}
