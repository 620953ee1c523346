package io.zhibu.serving;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the 双报到 API and pages show. */
public final class ServingViews {
    private ServingViews() {
    }

    public record Report(long id, int year, long memberId, String memberName, long unitOrgId, String unitName,
                         long communityOrgId, String communityName, ReportStatus status, String note,
                         String declineReason, OffsetDateTime filedAt, OffsetDateTime decidedAt, int servedMinutes,
                         int services, boolean canDecide, boolean canWithdraw) {
    }

    public record Need(long id, long communityOrgId, String communityName, NeedKind kind, String title,
                       String description, String place, LocalDate needOn, int places, int taken, NeedStatus status,
                       boolean signedUp, boolean canSignUp, boolean canManage) {
    }

    public record Signup(long id, long needId, String needTitle, LocalDate needOn, long memberId, String memberName,
                         String unitName, String communityName, SignupStatus status, LocalDate servedOn,
                         Integer minutes, String feedback, Integer points, boolean canRecord) {
    }

    /**
     * A community's view or a unit's view of one year, one page of each list ({@code page}, {@code size}) with the
     * lists' totals; a member's board holds all of their own lines.
     */
    public record Board(List<Report> reports, List<Need> needs, List<Signup> signups, int page, int size,
                        long reportTotal, long needTotal, long signupTotal) {
        public Board(List<Report> reports, List<Need> needs, List<Signup> signups) {
            this(reports, needs, signups, 0, Math.max(1, Math.max(reports.size(), Math.max(needs.size(), signups.size()))),
                    reports.size(), needs.size(), signups.size());
        }

        /** The pager of the board: as many pages as its longest list needs. */
        public io.zhibu.shared.Page<Void> pager() {
            return new io.zhibu.shared.Page<>(List.of(), page, size, Math.max(reportTotal, Math.max(needTotal, signupTotal)));
        }
    }

    public record ReportForm(Long memberId, Long communityOrgId, String note) {
    }

    public record DeclineForm(String reason) {
    }

    public record NeedForm(Long communityOrgId, NeedKind kind, String title, String description, String place,
                           LocalDate needOn, Integer places) {
    }

    public record RecordForm(LocalDate servedOn, Integer minutes, String feedback) {
    }

    /** One branch's yearly figures: members, members reported (unit) or received (community), services, minutes. */
    public record Rate(long orgId, String orgName, boolean unit, long members, long reported, long services,
                       long minutes, Integer perMille) {
    }

    /** A community branch a member may report to (picker). */
    public record Community(long id, String name) {
    }

    /** A volunteer activity (志愿服务活动); the code only for its organizers. */
    public record Activity(long id, long orgId, String orgName, String title, String description, String place,
                           OffsetDateTime startsAt, OffsetDateTime endsAt, int places, int taken, NeedStatus status,
                           String checkinCode, ParticipationStatus mine, Integer myMinutes, boolean canSignUp,
                           boolean canManage, List<Participant> participants, List<Long> photoIds) {
    }

    public record Participant(long memberId, String memberName, ParticipationStatus status, OffsetDateTime checkedInAt,
                              OffsetDateTime checkedOutAt, Integer minutes, Integer points) {
    }

    public record ActivityForm(Long orgId, String title, String description, String place, OffsetDateTime startsAt,
                               OffsetDateTime endsAt, Integer places) {
    }

    public record CodeForm(String code) {
    }

}
