/**
 * 组织 the organization tree (rules.md §1): structural changes with history, terms, elections, deferrals and set-
 * up requests; publishes OrgEvents and declares the OrgMembershipPort.
 * <p>May use: audit, shared, warning (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared", "warning"})
package io.zhibu.org;
