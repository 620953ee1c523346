/**
 * 阵地 venue register (issue 18 point 2): every activity venue (党群服务中心, 党员活动室) with its owner organization,
 * address, area, rooms and opening hours, and its inspections scoring the five aspects of the venue standard (场所,
 * 标识, 制度上墙, 设施设备, 日常使用). The tier (简易型 / 标准型 / 示范型, or 不达标 below them) is computed from the
 * latest inspection by {@link io.zhibu.venue.VenueTierRules} with configurable criteria.
 *
 * <p>May use: org (tree and scope), audit, shared; reports the warning {@code venue-below-standard} through the
 * warning engine's {@link io.zhibu.warning.WarningSource}; implements the assessment port
 * {@link io.zhibu.assessment.BranchFactSource} ({@code venue.tier}, {@code venue.below_standard} — the Qingshen veto
 * 阵地建设不达标). Owns the {@code venue_*} tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assessment", "audit", "org", "shared", "warning"})
package io.zhibu.venue;
