/**
 * 服务群众 serving people (issue 21). Point 1, 双报到: an in-service member (a branch of 机关、事业单位 or 国企 —
 * {@link io.zhibu.serving.ServingRules#inService}) reports to the community branch where they live (the member or
 * their unit branch files it); the community confirms; it publishes service needs (服务需求/微心愿) which the
 * member signs up for; the community records the time served and its feedback, which flow back to the unit branch
 * (both branches see the report and what was done) and into the member's points (a {@code VOLUNTEERING} fact
 * through {@link io.zhibu.points.PointsService#postFact}); the yearly report rate per unit and per community.
 *
 * Point 2, volunteer service ({@link io.zhibu.serving.VolunteerService}): activities with place, time and places,
 * sign-up, check-in and check-out by code ({@link io.zhibu.serving.CheckinCodes}), hours credited as a points fact,
 * a rollup figure and the assessment branch fact {@code serving.volunteer_hours}.
 *
 * <p>May use: assessment (the {@code BranchFactSource} port), audit, member (names and branch of a member), org (tree, scope, domains), points (posting facts),
 * shared, warning (the secretary's to-dos). Contributes the rollup source {@code serving} (dashboard) and a lived
 * year (demo data). Owns the {@code serving_*} tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assessment", "audit", "member", "org", "points", "shared", "warning"})
package io.zhibu.serving;
