/**
 * 主题党日 content library (issue 21 point 6): the county and township committees publish themes for a month to
 * their subtree — topic, materials (text and attached files through the shared {@code FileStore}), suggested
 * activities; a branch picks one when planning its 主题党日 (the meeting form's picker, through the meeting module's
 * {@link io.zhibu.meeting.ThemeDayPicks} port, which this module implements) and the meeting's page links to it.
 *
 * <p>May use: audit, meeting (the port only), org (tree and scope), shared. Owns the {@code themeday_*} tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "meeting", "org", "shared"})
package io.zhibu.themeday;
