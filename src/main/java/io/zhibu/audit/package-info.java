/**
 * 审计 the append-only audit trail: each row HMAC-SM3 protected and chained to the one before; verifier,
 * retention and archive.
 * <p>May use: shared (declared below and verified by ModuleBoundariesTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package io.zhibu.audit;
