package io.zhibu.serving;

/** Why a member is visited (走访慰问): elderly (≥ 80), sick, in hardship, 老党员 (long-standing member). */
public enum VisitKind { ELDERLY, SICK, HARDSHIP, VETERAN }
