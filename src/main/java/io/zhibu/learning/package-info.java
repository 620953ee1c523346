/**
 * 学习 study (rules.md §7): materials with genuine study time, study hours, the monthly study day, question
 * banks, the level game, tests and contests; reads training meetings through the meeting module's port.
 * <p>May use: audit, meeting, member, org, shared (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assessment", "audit", "meeting", "member", "org", "shared"})
package io.zhibu.learning;
