package io.zhibu.member;

/** Unmasked sensitive fields; every reveal is audited. */
public record RevealedContact(long memberId, String idNumber, String phone, String address) {
}
