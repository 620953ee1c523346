package io.zhibu.serving;

/** A community's service need: open for sign-up, or closed. */
public enum NeedStatus { OPEN, CLOSED }
