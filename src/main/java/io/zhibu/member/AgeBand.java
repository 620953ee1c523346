package io.zhibu.member;

/** Age bands of the roster filter and statistics. */
public enum AgeBand {
    UP_TO_35(0, 35), FROM_36_TO_45(36, 45), FROM_46_TO_55(46, 55), FROM_56_TO_65(56, 65), OVER_65(66, 200);

    private final int min;
    private final int max;

    AgeBand(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}
