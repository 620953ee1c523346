package io.zhibu.disclosure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the 三务公开 pages and the API show. */
public final class DisclosureViews {
    private DisclosureViews() {
    }

    /**
     * A published (or withdrawn) item as the scope sees it; {@code publicPath} (the QR code's link) only for public
     * items and only for those who may publish for the organization.
     */
    public record Item(long id, long orgId, String orgName, DisclosureCategory category, String period, String title,
                       String body, Audience audience, ItemStatus status, LocalDate publishedOn, OffsetDateTime withdrawnAt,
                       String withdrawReason, String publicPath, boolean canWithdraw) {
    }

    /** Publish an item: the organization, category, period key ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}), text. */
    public record Form(Long orgId, DisclosureCategory category, String period, String title, String body, Audience audience) {
    }

    /** Withdraw a published item, with the reason. */
    public record Withdraw(String reason) {
    }

    /** The public view behind a QR code: no ids beyond the organization's name, no publisher. */
    public record PublicItem(String orgName, DisclosureCategory category, String period, String title, String body,
                             LocalDate publishedOn) {
    }

    /**
     * One required category of an organization: its cadence and headings, the current period, the last period whose
     * grace ended ({@code lastDue}, due on {@code lastDueOn}) and whether items were published for each.
     */
    public record Obligation(DisclosureCategory category, Cadence cadence, List<String> topics, String current,
                             boolean currentPublished, String lastDue, LocalDate lastDueOn, boolean lastDuePublished) {
    }

    /** An organization's 公开 board: what it owes, the items its scope sees, and whether the caller may publish. */
    public record Board(long orgId, String orgName, DisclosureRules.Profile profile, List<Obligation> obligations,
                        List<Item> items, boolean canPublish, List<DisclosureCategory> categories) {
    }
}
