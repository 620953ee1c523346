/** Web shell: layout, language switch, sign-in page and each role's home page. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"learning", "meeting", "member", "org", "shared", "warning"})
package io.zhibu.portal;
