/**
 * 督导闭环 the command loop between the levels (issue 17): tasks sent down the tree (任务下发) with receipts (签收),
 * feedback (反馈), acceptance (验收) or return (退回), relays to a subtree (转发), a progress board per task, and
 * overdue receipts and feedback reported to the warning engine ({@code TaskOverdueWarnings}, a
 * {@link io.zhibu.warning.WarningSource}) and the receivers' to-do lists (a {@link io.zhibu.warning.TodoSource});
 * notices (通知公告) with read receipts; issued bulletins with rectification tasks to the branches they name;
 * 述职评议考核 rounds ({@link io.zhibu.command.DebriefService}) whose overall 差 is announced as
 * {@link io.zhibu.command.SecretaryGradedPoor} (this module may not use assessment's fact port).
 * Tables {@code command_*}. May use the organization tree and scope ({@code org}), the audit trail, the shared
 * kernel, the warning module's ports and the supervision module's bulletins ({@link io.zhibu.command.IssuedBulletins});
 * nothing else.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"org", "audit", "shared", "warning", "supervision", "meeting"})
package io.zhibu.command;
