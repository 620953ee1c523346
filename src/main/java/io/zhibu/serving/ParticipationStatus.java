package io.zhibu.serving;

/** A member in a volunteer activity: signed up, checked in (serving now), checked out (time credited). */
public enum ParticipationStatus { SIGNED_UP, CHECKED_IN, DONE }
