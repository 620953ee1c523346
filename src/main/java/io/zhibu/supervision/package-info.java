/**
 * 督导 supervision: rollups per org, period and metric kept incrementally, dashboards, the big screen, rankings
 * and bulletins.
 * <p>May use: audit, dues, member, org, shared, warning (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "dues", "member", "org", "shared", "warning"})
package io.zhibu.supervision;
