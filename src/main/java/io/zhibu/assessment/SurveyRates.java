package io.zhibu.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 三率 of an anonymous survey (Minhang, Qingshen; rules.md §8.1 veto "satisfaction &lt;60%"), in percent with one
 * decimal (half up):
 * <ul>
 *   <li>satisfaction 满意率 = (满意 + 基本满意) / answers;</li>
 *   <li>awareness 知晓率 = answers that know the branch's work / answers;</li>
 *   <li>participation 参与率 = answers that took part in its activities or services / answers;</li>
 *   <li>response 回收率 = answers / people invited (null without an audience).</li>
 * </ul>
 * No answer → every rate null (a veto never fires on a missing rate).
 */
public final class SurveyRates {
    private SurveyRates() {
    }

    public record Rates(int answers, int audience, BigDecimal satisfaction, BigDecimal awareness,
                        BigDecimal participation, BigDecimal response) {
        /** R8.1: satisfaction below 60% is a veto (and a 软弱涣散 signal). */
        public boolean vetoed() {
            return satisfaction != null && satisfaction.compareTo(WeakLaxRules.SATISFACTION_MIN) < 0;
        }
    }

    public static Rates of(int answers, int satisfied, int basicallySatisfied, int aware, int tookPart, int audience) {
        if (answers < 0 || satisfied < 0 || basicallySatisfied < 0 || satisfied + basicallySatisfied > answers
                || aware < 0 || aware > answers || tookPart < 0 || tookPart > answers) {
            throw new IllegalArgumentException("inconsistent survey counts");
        }
        return new Rates(answers, audience, pct(satisfied + basicallySatisfied, answers), pct(aware, answers),
                pct(tookPart, answers), audience > 0 ? pct(answers, audience) : null);
    }

    static BigDecimal pct(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
