/**
 * Shared kernel: data scope, org paths, the ID-card rule, field crypto and error types.
 * Open module: every other module may use all of it; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.zhibu.shared;
