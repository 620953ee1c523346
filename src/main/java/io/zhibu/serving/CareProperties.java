package io.zhibu.serving;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 五必谈 (Qingshen 暖心工程: talks when a member meets hardship, a conflict, a mistake, a problem, or a promotion) as
 * a configurable list under {@code zhibu.serving.talks}: each kind with the days the secretary has to hold it and the
 * member lifecycle event that raises it by itself ({@code JOINED} — a newly registered member joined within the
 * last 30 days; any {@code MemberEventType} name, e.g. {@code DISCIPLINED}); kinds without a trigger are added by hand.
 * Reminders: 光荣在党 50 年 ({@code honourYears}) and the political birthday (入党纪念日) within {@code remindDays};
 * members of {@code elderlyAge} (80) or older are on the visit list, with their birthdays as reminders.
 */
@ConfigurationProperties("zhibu.serving")
public record CareProperties(List<TalkKind> talks, Integer honourYears, Integer remindDays, Integer elderlyAge) {
    public record TalkKind(String code, String name, int dueDays, String trigger) {
    }

    public CareProperties {
        if (talks == null || talks.isEmpty()) {
            talks = List.of(new TalkKind("JOINING", "入党谈话", 30, "JOINED"),
                    new TalkKind("DISCIPLINE", "出现失误、受到处分时谈", 15, "DISCIPLINED"),
                    new TalkKind("PROMOTION", "提拔升迁、岗位变动时谈", 30, null),
                    new TalkKind("HARDSHIP", "遇到困难时谈", 7, null),
                    new TalkKind("CONFLICT", "发生矛盾时谈", 7, null),
                    new TalkKind("PROBLEM", "存在问题时谈", 15, null));
        }
        honourYears = honourYears == null ? 50 : honourYears;
        remindDays = remindDays == null ? 7 : remindDays;
        elderlyAge = elderlyAge == null ? 80 : elderlyAge;
    }

    public java.util.Optional<TalkKind> kind(String code) {
        return talks.stream().filter(k -> k.code().equals(code)).findFirst();
    }
}
