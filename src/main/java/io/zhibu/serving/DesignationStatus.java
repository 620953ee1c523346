package io.zhibu.serving;

/** A designation in force, or withdrawn by the branch (the card then says so). */
public enum DesignationStatus { ACTIVE, WITHDRAWN }
