package io.zhibu.shared;

/** A refused operation (role not allowed), published so the audit trail records it with outcome DENIED. */
public record AccessDenied(String what) {
}
