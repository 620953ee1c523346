package io.zhibu.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * No resource-URL rewriting of page links (issue 20). With the WebJars locator on the classpath Spring Boot turns the
 * resource chain on and wraps every response in {@link ResourceUrlEncodingFilter}: each {@code @{…}} link of a page —
 * menu entries, drill-down links, forms, not only scripts and styles — was looked up as a static resource under the
 * {@code /**} pattern, and the misses (every page link) are not cached: a class-loader search through the nested jars
 * per link. On the city's {@code /supervision} page that was most of its cost (JFR: ~90 % of the page's samples under
 * {@code JakartaServletWebExchange.transformURL}). Links stay as written; WebJars are still served version-agnostic
 * ({@code /webjars/echarts/echarts.min.js}) by the resource chain's resolver, with the same Cache-Control.
 * Registering a disabled filter of this type keeps Spring Boot's own ({@code @ConditionalOnMissingFilterBean}) away.
 */
@Configuration(proxyBeanMethods = false)
class NoResourceUrlRewriting {
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }
}
