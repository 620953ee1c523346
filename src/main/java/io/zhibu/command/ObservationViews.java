package io.zhibu.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the on-site observation (观摩, issue 17 point 5) API reads and takes. */
public final class ObservationViews {
    private ObservationViews() {
    }

    /** One line of a scoring template: what is looked at and its maximum points. */
    public record TemplateItem(String label, Integer maxPoints) {
    }

    /** A scoring template of the caller's organization (评分表): 1–30 items. */
    public record NewTemplate(String name, List<TemplateItem> items) {
    }

    /** A visit plan: which branches (below the caller's organization), when, who observes, which template. */
    public record NewObservation(String title, LocalDate visitOn, String observers, Long templateId,
                                 List<Long> branchIds) {
    }

    /** The scoring sheet of one visited branch: points per template item (in order) and a comment. */
    public record Scoring(List<Integer> points, String comment) {
    }

    public record Template(long id, long orgId, String name, List<TemplateItem> items, int maxTotal) {
    }

    /** One visited branch's sheet; points, total and comment shown to the owner, to the branch once published. */
    public record Sheet(long orgId, String orgName, List<Integer> points, BigDecimal total, String comment,
                        String photoName, boolean scored) {
    }

    public record Observation(long id, long orgId, String orgName, String title, LocalDate visitOn, String observers,
                              ObservationStatus status, Template template, List<Sheet> sheets, boolean owner) {
    }

    /** {@code GET /api/v1/observations}: the templates the caller may use and the visits it sees. */
    public record Listing(List<Template> templates, List<Observation> observations) {
    }
}
