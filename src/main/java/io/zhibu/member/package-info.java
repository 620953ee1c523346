/**
 * 党员名册 the member roster (rules.md §3, §9.1): records with encrypted sensitive fields, search, lifecycle and
 * the roster at a date, import and export; publishes MemberEvents.
 * <p>May use: assessment, audit, org, shared, warning (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assessment", "audit", "org", "shared", "warning"})
package io.zhibu.member;
