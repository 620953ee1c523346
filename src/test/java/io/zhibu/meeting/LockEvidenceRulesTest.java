package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.Violation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 18 point 3: what a gated meeting needs before its minutes lock (R6.2 attachments). */
class LockEvidenceRulesTest {
    static final LockEvidenceRules.Evidence NONE = new LockEvidenceRules.Evidence(false, false, false, " ");

    private static List<String> fields(List<MeetingType> types, LockEvidenceRules.Evidence e) {
        return LockEvidenceRules.missing(types, LockEvidenceRules.DEFAULT_TYPES, e).stream().map(Violation::field).toList();
    }

    @Test
    @DisplayName("支部党员大会, 主题党日, 组织生活会 are gated by default; 支委会 and 党课 are not")
    void defaults() {
        assertThat(LockEvidenceRules.DEFAULT_TYPES).containsExactlyInAnyOrder(MeetingType.BRANCH_ASSEMBLY,
                MeetingType.THEME_DAY, MeetingType.ORG_LIFE);
        assertThat(fields(List.of(MeetingType.COMMITTEE), NONE)).isEmpty();
        assertThat(fields(List.of(MeetingType.PARTY_LECTURE), NONE)).isEmpty();
        assertThat(fields(List.of(MeetingType.COMMITTEE, MeetingType.THEME_DAY), NONE)).containsExactly("attendance", "photos", "agenda");
    }

    @Test
    @DisplayName("attendance = a check-in or a sign-in sheet; at least one photo; the topics")
    void eachPieceNamed() {
        List<MeetingType> t = List.of(MeetingType.THEME_DAY);
        assertThat(fields(t, new LockEvidenceRules.Evidence(true, false, false, "学习"))).containsExactly("photos");
        assertThat(fields(t, new LockEvidenceRules.Evidence(false, true, true, "学习"))).isEmpty();
        assertThat(fields(t, new LockEvidenceRules.Evidence(true, false, true, null))).containsExactly("agenda");
        assertThat(fields(t, new LockEvidenceRules.Evidence(false, false, true, "学习"))).containsExactly("attendance");
        // configurable: an empty set gates nothing
        assertThat(LockEvidenceRules.missing(t, java.util.Set.of(), NONE)).isEmpty();
    }

    @Test
    @DisplayName("主题党日 \"3+N\": 交纳党费, 重温入党誓词 always; 过政治生日 only when a member's political birthday is this month")
    void themeDayFixedItems() {
        var gated = LockEvidenceRules.DEFAULT_TYPES;
        List<MeetingType> theme = List.of(MeetingType.THEME_DAY);
        assertThat(LockEvidenceRules.missingThemeItems(theme, gated, false, false, false, true).stream().map(Violation::field))
                .containsExactly("themeDuesDone", "themeOathDone", "themeBirthdaysDone");
        assertThat(LockEvidenceRules.missingThemeItems(theme, gated, true, true, false, false)).isEmpty();
        assertThat(LockEvidenceRules.missingThemeItems(theme, gated, true, false, true, true).stream().map(Violation::field))
                .containsExactly("themeOathDone");
        assertThat(LockEvidenceRules.missingThemeItems(List.of(MeetingType.BRANCH_ASSEMBLY), gated, false, false, false, true)).isEmpty();
        // not gated when the theme day is configured off
        assertThat(LockEvidenceRules.missingThemeItems(theme, java.util.EnumSet.of(MeetingType.ORG_LIFE), false, false, false, true)).isEmpty();
    }
}
