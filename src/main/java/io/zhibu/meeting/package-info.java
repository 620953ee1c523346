/**
 * 组织生活 meetings (rules.md §6): 三会一课 and other organization life, check-in, leave, locked minutes with evidence,
 * votes, democratic evaluation and compliance; publishes MeetingEvents.
 * <p>May use: assessment, audit, dues (the theme day's 交纳党费 item), member, org, shared, warning (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assessment", "audit", "dues", "member", "org", "shared", "warning"})
package io.zhibu.meeting;
