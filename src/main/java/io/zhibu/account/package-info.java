/**
 * 账号与权限 accounts: users, sign-in with throttling and lockout (R9.6), activation codes, password policy and
 * expiry, TOTP second factor, API tokens, security configuration and each user's data scope (issue 15).
 * <p>May use: audit, member, org, shared, warning (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "member", "org", "shared", "warning"})
package io.zhibu.account;
