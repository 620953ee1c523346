/**
 * 预警 early warnings: rules as configuration over the ports WarningSource, TodoSource, WarningDirectory and
 * RecipientDirectory that the domain modules implement; sweeps, to-dos, inbox and notification channels.
 * Depends on no domain module.
 * <p>May use: audit, shared (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package io.zhibu.warning;
