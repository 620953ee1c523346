/**
 * 三务公开 (issue 21 point 5): 党务、村务、财务 items an organization publishes for a period — to its subtree (members
 * see them on their phone home) or publicly behind an unguessable QR token (no sign-in, no personal data, R9.5).
 * Which categories an organization owes, their cadence and required content headings are typed configuration
 * ({@link io.zhibu.disclosure.DisclosureProperties}: village-level organizations the three, others 党务 only);
 * {@link io.zhibu.disclosure.DisclosureRules} holds the period arithmetic.
 *
 * <p>May use: audit, org (tree, scope, types and domains), shared, warning (the {@code disclosure-missing} rule).
 * Contributes the monthly rollup source {@code disclosure} ({@code disclosure.due}, {@code disclosure.published}: the
 * 公开 rate per child organization on the dashboard) and a lived year (demo data). Owns the {@code disclosure_*}
 * tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "org", "shared", "warning"})
package io.zhibu.disclosure;
