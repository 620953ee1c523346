package io.zhibu.meeting;

import io.zhibu.shared.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Evidence-gated organization life (issue 18 point 3; R6.2 minutes with attachments): the minutes of a gated meeting
 * type — by default 支部党员大会, 主题党日 and 组织生活会, configurable with {@code zhibu.meeting.evidence-types} — lock
 * only with (1) an attendance record: at least one member checked in or marked present, or an uploaded sign-in sheet;
 * (2) at least one photo; (3) the topics (议题, the agenda). Each missing piece is one violation naming its field.
 */
public final class LockEvidenceRules {
    /** The default gated types. */
    public static final Set<MeetingType> DEFAULT_TYPES = EnumSet.of(MeetingType.BRANCH_ASSEMBLY, MeetingType.THEME_DAY,
            MeetingType.ORG_LIFE);

    private LockEvidenceRules() {
    }

    /** The evidence a meeting has when its minutes are about to be locked. */
    public record Evidence(boolean anyPresent, boolean signInSheet, boolean photo, String agenda) {
    }

    /** Whether any of the meeting's types is gated. */
    public static boolean gated(Collection<MeetingType> types, Set<MeetingType> gatedTypes) {
        return types.stream().anyMatch(gatedTypes::contains);
    }

    /** What is missing (empty when the minutes may lock): fields {@code attendance}, {@code photos}, {@code agenda}. */
    public static List<Violation> missing(Collection<MeetingType> types, Set<MeetingType> gatedTypes, Evidence e) {
        List<Violation> out = new ArrayList<>();
        if (!gated(types, gatedTypes)) {
            return out;
        }
        if (!e.anyPresent() && !e.signInSheet()) {
            out.add(new Violation("attendance", "meeting.lock.evidence.attendance"));
        }
        if (!e.photo()) {
            out.add(new Violation("photos", "meeting.lock.evidence.photo"));
        }
        if (e.agenda() == null || e.agenda().isBlank()) {
            out.add(new Violation("agenda", "meeting.lock.evidence.topics"));
        }
        return out;
    }

    /**
     * 主题党日 "3+N" (the Jiaozuo report: 交纳党费、重温入党誓词、过政治生日 are the three fixed items, N the chosen activities):
     * a gated theme day locks only with the three done — 过政治生日 only when a member's political birthday falls in the
     * meeting's month. Fields {@code themeDuesDone}, {@code themeOathDone}, {@code themeBirthdaysDone}.
     */
    public static List<Violation> missingThemeItems(Collection<MeetingType> types, Set<MeetingType> gatedTypes,
                                                    boolean duesDone, boolean oathDone, boolean birthdaysDone,
                                                    boolean anyBirthday) {
        List<Violation> out = new ArrayList<>();
        if (!types.contains(MeetingType.THEME_DAY) || !gatedTypes.contains(MeetingType.THEME_DAY)) {
            return out;
        }
        if (!duesDone) {
            out.add(new Violation("themeDuesDone", "meeting.lock.theme.dues"));
        }
        if (!oathDone) {
            out.add(new Violation("themeOathDone", "meeting.lock.theme.oath"));
        }
        if (anyBirthday && !birthdaysDone) {
            out.add(new Violation("themeBirthdaysDone", "meeting.lock.theme.birthdays"));
        }
        return out;
    }
}
