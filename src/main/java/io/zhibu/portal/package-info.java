/** Web shell: layout, language switch, sign-in page and each role's home page. */
package io.zhibu.portal;
