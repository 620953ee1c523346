package io.zhibu.learning;

import io.zhibu.meeting.MeetingType;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Learning configuration ({@code zhibu.learning.*}, 学习教育): the numbers of {@link StudyRules} (defaults of rules.md
 * §7, see {@link StudyRules#defaults()}), the largest material file ({@code max-file-bytes}, 40 MiB) and the meeting
 * types whose attendance counts as training hours ({@code training-meeting-types}, 党课).
 */
@ConfigurationProperties("zhibu.learning")
public record LearningProperties(Integer beatSeconds, Integer minDwellSeconds, Integer minDwellPercent,
                                 Integer dailyCapMinutes, Integer memberHours, Integer cadreHours, Integer studyDay,
                                 Integer dailyAttempts, Integer answerGraceSeconds, Long maxFileBytes,
                                 Set<MeetingType> trainingMeetingTypes) {
    public LearningProperties {
        maxFileBytes = maxFileBytes == null ? 40L * 1024 * 1024 : maxFileBytes;
        trainingMeetingTypes = trainingMeetingTypes == null ? Set.of(MeetingType.PARTY_LECTURE) : Set.copyOf(trainingMeetingTypes);
    }

    /** The study rules' numbers, each unset one from {@link StudyRules#defaults()}. */
    public StudyRules.Settings studyRules() {
        StudyRules.Settings d = StudyRules.defaults();
        return new StudyRules.Settings(or(beatSeconds, d.beatSeconds()), or(minDwellSeconds, d.minDwellSeconds()),
                or(minDwellPercent, d.minDwellPercent()), or(dailyCapMinutes, d.dailyCapMinutes()),
                or(memberHours, d.memberHours()), or(cadreHours, d.cadreHours()), or(studyDay, d.studyDay()),
                or(dailyAttempts, d.dailyAttempts()), or(answerGraceSeconds, d.answerGraceSeconds()));
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }
}
