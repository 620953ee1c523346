package io.zhibu.meeting;

import io.zhibu.shared.DataScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port for the 主题党日 content library (issue 21 point 6): the themes a branch may pick when planning its theme
 * day, and the link from a meeting to the theme it picked. Implemented by the theme-day module without the meeting
 * module depending on it; optional — without an implementation the form offers no themes.
 */
public interface ThemeDayPicks {
    /** A theme offered to a branch: its month ({@code 2026-12}), topic and the publishing organization's name. */
    record Choice(long themeId, String month, String topic, String publisher) {
    }

    /** Themes published to the branch (by it or its superiors) for the month of {@code around} and the months beside it. */
    List<Choice> choices(DataScope scope, long orgId, LocalDate around);

    /**
     * Links a meeting just planned to a theme, in the planning transaction; a theme not offered to the branch throws
     * {@link io.zhibu.shared.InvalidInputException} on {@code themeId} (the plan is rolled back).
     */
    void pick(DataScope scope, long meetingId, long orgId, String orgPath, long themeId);

    /** The theme a meeting picked, if any. */
    Optional<Choice> pickOf(long meetingId);
}
