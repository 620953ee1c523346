/**
 * The command loop's results as assessment facts (issue 17): an adapter module, because the command module may not
 * depend on assessment (assessment is below it: command → supervision → dues → assessment) and assessment may not
 * depend on command (that would close the cycle). {@link io.zhibu.commandfacts.CommandFactSource} answers the
 * assessment module's {@link io.zhibu.assessment.BranchFactSource} port from the command module's public queries:
 * a secretary graded 差 in the year's published 述职评议 (the weak-and-lax candidate fact 书记不胜任, rules.md §8.2),
 * the project book's completions and scores (项目书) and the on-site observation scores (观摩). No tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"assessment", "command", "shared"})
package io.zhibu.commandfacts;
