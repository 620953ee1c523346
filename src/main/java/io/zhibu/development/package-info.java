/**
 * 发展党员 member development (rules.md §2): the 25-step admission workflow with its gates, deadlines, pipeline and
 * dossier; implements the assessment and warning ports for its facts.
 * <p>May use: assessment, audit, member, org, shared, warning (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assessment", "audit", "member", "org", "shared", "warning"})
package io.zhibu.development;
