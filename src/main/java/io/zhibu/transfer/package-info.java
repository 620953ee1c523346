/**
 * 组织关系转接 organization-relationship transfers (rules.md §4): the transfer state machine and letters; asks dues
 * clearance through its DuesClearance port.
 * <p>May use: audit, member, org, shared, warning (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "member", "org", "shared", "warning"})
package io.zhibu.transfer;
