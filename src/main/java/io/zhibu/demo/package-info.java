/**
 * 演示数据 the demo county and the city/province data generators with their lived year; writes only through the
 * other modules' public services.
 * <p>May use: account, member, org, shared, supervision (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "member", "org", "shared", "supervision"})
package io.zhibu.demo;
