package io.zhibu.serving;

/** A member's sign-up for a need: signed up, served (time and feedback recorded by the community), or cancelled. */
public enum SignupStatus { SIGNED_UP, SERVED, CANCELLED }
