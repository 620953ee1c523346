package io.zhibu.development;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rule parameters sources disagree on, in one place ({@code zhibu.development.*}), with the defaults of rules.md:
 * <ul>
 * <li>{@code target-notice-working-days} (5): 公示 of the 发展对象 before step 7 (R2.7, provincial manuals [L]);</li>
 * <li>{@code conversion-notice-working-days} (5): 公示 before conversion at step 23 (R2.7) — 0 switches it off;</li>
 * <li>{@code meeting-within-months} (1): 支部大会 within this many months after the 预审 (step 15, [L]/2026 art.19);</li>
 * <li>{@code anonymous-ballot-default} (true): 无记名投票 is preselected (R2.9 [U]);</li>
 * <li>{@code reminder-lead-days} (30): a deadline shows on the to-do list this many days before it is due;</li>
 * <li>{@code stuck-after-months} (6): a person with no step for this long is listed as stuck;</li>
 * <li>{@code holidays} / {@code adjusted-workdays}: the 法定节假日 and 调休 working weekend days of the
 * {@link WorkingDayCalendar}; years not covered make 公示 counts "provisional" (R2.4).</li>
 * </ul>
 */
@ConfigurationProperties("zhibu.development")
public record DevelopmentProperties(Integer targetNoticeWorkingDays, Integer conversionNoticeWorkingDays,
                                    Integer meetingWithinMonths, Boolean anonymousBallotDefault,
                                    Integer reminderLeadDays, Integer stuckAfterMonths, List<LocalDate> holidays,
                                    List<LocalDate> adjustedWorkdays) {
    public DevelopmentProperties {
        targetNoticeWorkingDays = targetNoticeWorkingDays == null ? 5 : targetNoticeWorkingDays;
        conversionNoticeWorkingDays = conversionNoticeWorkingDays == null ? 5 : conversionNoticeWorkingDays;
        meetingWithinMonths = meetingWithinMonths == null ? 1 : meetingWithinMonths;
        anonymousBallotDefault = anonymousBallotDefault == null || anonymousBallotDefault;
        reminderLeadDays = reminderLeadDays == null ? 30 : reminderLeadDays;
        stuckAfterMonths = stuckAfterMonths == null ? 6 : stuckAfterMonths;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        adjustedWorkdays = adjustedWorkdays == null ? List.of() : List.copyOf(adjustedWorkdays);
    }

    public static DevelopmentProperties defaults() {
        return new DevelopmentProperties(null, null, null, null, null, null, null, null);
    }
}
