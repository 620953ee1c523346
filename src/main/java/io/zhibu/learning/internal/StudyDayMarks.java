package io.zhibu.learning.internal;

import io.zhibu.learning.StudyRules;
import io.zhibu.meeting.CalendarMarks;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** 固定学习日 in the member's calendar: the study day of every month (zhibu.learning.study-day, default the 23rd). */
@Component
class StudyDayMarks implements CalendarMarks {
    static final String KIND = "STUDY_DAY";
    private final StudyRules rules;

    StudyDayMarks(StudyRules rules) {
        this.rules = rules;
    }

    @Override
    public List<Mark> marks(long memberId, int year) {
        List<Mark> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            out.add(new Mark(rules.studyDay(YearMonth.of(year, m)), KIND));
        }
        return out;
    }
}
