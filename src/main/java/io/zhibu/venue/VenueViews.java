package io.zhibu.venue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the venue API and pages show, and what they take. */
public final class VenueViews {
    private VenueViews() {
    }

    /** A venue with its tier from the latest inspection (null: never inspected). */
    public record Venue(long id, long orgId, String orgName, String name, VenueKind kind, String address, Integer areaSqm,
                        Integer rooms, String openingHours, VenueTier tier, LocalDate inspectedOn, int version) {
    }

    public record Inspection(long id, long venueId, LocalDate inspectedOn, String inspector, int place, int signage,
                             int rules, int equipment, int use, int total, VenueTier tier, String findings,
                             String createdBy, OffsetDateTime createdAt) {
    }

    public record Detail(Venue venue, List<Inspection> inspections, boolean canEdit, boolean canInspect,
                         List<Photo> photos) {
        /** The venue's own photos (not of an inspection). */
        public List<Photo> venuePhotos() {
            return photos.stream().filter(p -> p.inspectionId() == null).toList();
        }

        /** The photos taken at one inspection. */
        public List<Photo> photosOf(long inspectionId) {
            return photos.stream().filter(p -> p.inspectionId() != null && p.inspectionId() == inspectionId).toList();
        }
    }

    /** A photo of the venue, or of one of its inspections ({@code inspectionId}). */
    public record Photo(long id, long venueId, Long inspectionId, String fileName, String uploadedBy,
                        OffsetDateTime uploadedAt) {
    }

    /** A photo's bytes for display. */
    public record PhotoContent(String fileName, String contentType, byte[] bytes) {
    }

    /** Register or edit a venue ({@code version} required when editing). */
    public record VenueForm(Long orgId, String name, VenueKind kind, String address, Integer areaSqm, Integer rooms,
                            String openingHours, Integer version) {
    }

    /** One inspection: the five aspects 0–20 each, who inspected, when, and the findings. */
    public record InspectionForm(LocalDate inspectedOn, String inspector, Integer place, Integer signage, Integer rules,
                                 Integer equipment, Integer use, String findings) {
    }

    /** Venue counts of a subtree by tier (null key: never inspected), for the dashboard. */
    public record TierCounts(long model, long standard, long basic, long below, long uninspected) {
    }
}
