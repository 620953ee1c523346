/**
 * 党费 dues (rules.md §5): calculator, monthly bills, payments applied exactly once, arrears, publicity, hardship
 * reliefs, remittances and reconciliation; implements the transfer module's DuesClearance port and the
 * assessment and warning ports.
 * <p>May use: assessment, audit, member, org, shared, transfer, warning (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assessment", "audit", "member", "org", "shared", "transfer", "warning"})
package io.zhibu.dues;
