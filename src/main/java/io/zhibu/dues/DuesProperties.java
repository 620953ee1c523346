package io.zhibu.dues;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Dues configuration ({@code zhibu.dues.*}, 党费), every key with its default in one place:
 * {@code online-gateway} (SANDBOX), {@code recompute} ({@link BaseRecompute#ANNUAL}: R5.1 base fixed for the year),
 * {@code farmer-amount} (0.20, between 0.20 and 1.00 per §5), {@code pending-timeout} (30 min before an unanswered
 * online payment expires), {@code sandbox.*} (the test gateway) and {@code payroll.*} (the payroll import's columns).
 */
@ConfigurationProperties("zhibu.dues")
public record DuesProperties(String onlineGateway, BaseRecompute recompute, BigDecimal farmerAmount, Duration pendingTimeout,
                             Sandbox sandbox, Payroll payroll) {
    /** The sandbox gateway: signing secret (hex; random per process when blank), delay, failure rate, deliveries. */
    public record Sandbox(String secret, Long delayMillis, Double failureRate, Integer deliveries) {
        public Sandbox {
            secret = secret == null ? "" : secret;
            delayMillis = delayMillis == null ? 800L : delayMillis;
            failureRate = failureRate == null ? 0.0 : failureRate;
            deliveries = deliveries == null ? 2 : deliveries;
        }
    }

    /**
     * The payroll import: the columns holding the ID number, the pay items outside the dues base (R5.1: allowances
     * for remote areas and special posts, housing fund …) and the items deducted from it (income tax).
     */
    public record Payroll(Set<String> idColumns, Set<String> excluded, Set<String> deducted) {
        public Payroll {
            idColumns = idColumns == null ? Set.of("身份证号", "公民身份号码", "idNumber") : Set.copyOf(idColumns);
            excluded = excluded == null ? Set.of("艰苦边远地区津贴", "特殊岗位津贴", "住房公积金", "提租补贴", "通讯补贴", "交通补贴",
                    "社会保险补贴", "伤残抚恤金", "备注", "姓名", "序号") : Set.copyOf(excluded);
            deducted = deducted == null ? Set.of("个人所得税") : Set.copyOf(deducted);
        }
    }

    public DuesProperties {
        onlineGateway = onlineGateway == null || onlineGateway.isBlank() ? "SANDBOX" : onlineGateway;
        recompute = recompute == null ? BaseRecompute.ANNUAL : recompute;
        farmerAmount = farmerAmount == null ? DuesCalculator.MINIMUM : farmerAmount;
        pendingTimeout = pendingTimeout == null ? Duration.ofMinutes(30) : pendingTimeout;
        sandbox = sandbox == null ? new Sandbox(null, null, null, null) : sandbox;
        payroll = payroll == null ? new Payroll(null, null, null) : payroll;
    }

    public static DuesProperties defaults() {
        return new DuesProperties(null, null, null, null, null, null);
    }
}
