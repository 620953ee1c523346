package io.zhibu.dues;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** Read models and command bodies of the dues module (党费). Months are {@code yyyy-MM}. */
public final class DuesViews {
    private DuesViews() {
    }

    /** A member's dues account: category, base (visible to the member and the treasurer), amount, paid-up-to. */
    public record Account(long memberId, String memberName, long orgId, String memberCategory, String standing,
                          DuesCategory duesCategory, BigDecimal monthlyBase, BigDecimal monthlyAmount,
                          Integer baseYear, YearMonth paidUpTo, YearMonth firstOpen, Long pendingPaymentId,
                          int unpaidMonths, int version, DuesCategory latestCategory, BigDecimal latestBase,
                          BigDecimal latestAmount) {
        /** R5.4 (annual mode): a base entered this year that is billed only from next year. */
        public boolean changeFromNextYear() {
            return latestAmount != null && (latestAmount.compareTo(monthlyAmount) != 0 || latestCategory != duesCategory);
        }
    }

    /** 应交/实交 one month of the ledger. */
    /** {@code relief}: REDUCED or EXEMPT when an approved hardship relief covers the month (R5.5). */
    public record Bill(YearMonth period, BigDecimal due, BigDecimal paid, DuesCategory category, boolean settled,
                       String relief) {
        public Bill withRelief(String kind) {
            return new Bill(period, due, paid, category, settled, kind);
        }
    }

    /** An approved relief as the ledger and the publicity see it: kind and months, never the reason. */
    public record ReliefRef(String kind, YearMonth from, YearMonth to) {
        public boolean covers(YearMonth m) {
            return !m.isBefore(from) && !m.isAfter(to);
        }
    }

    public record Payment(long id, long memberId, String gateway, String method, String status, BigDecimal amount,
                          YearMonth from, YearMonth to, String receiptNo, String failureReason,
                          OffsetDateTime createdAt, OffsetDateTime completedAt, BigDecimal voluntary,
                          boolean remitInFull, int version) {
    }

    /** The member's page: the account, the ledger and the recent payments. */
    public record Statement(Account account, List<Bill> bills, List<Payment> payments, YearMonth currentMonth,
                            YearMonth earliestTarget, YearMonth latestTarget) {
    }

    /** {@code correction}: in annual mode (R5.4) fix this year's base at once instead of from next year. */
    public record BaseForm(DuesCategory category, BigDecimal monthlyIncome, Integer version, Boolean correction) {
        public BaseForm(DuesCategory category, BigDecimal monthlyIncome, Integer version) {
            this(category, monthlyIncome, version, null);
        }

        public boolean isCorrection() {
            return Boolean.TRUE.equals(correction);
        }
    }

    /** One click: pay every open month up to {@code upTo} (default: the current month). */
    public record PayForm(YearMonth upTo, String idempotencyKey) {
    }

    /** {@code voluntaryAmount}: an optional voluntary payment on top of the dues (R5.5, no cap). */
    public record OfflineForm(YearMonth upTo, String method, String receiptNo, String idempotencyKey,
                              BigDecimal voluntaryAmount) {
        public OfflineForm(YearMonth upTo, String method, String receiptNo, String idempotencyKey) {
            this(upTo, method, receiptNo, idempotencyKey, null);
        }
    }

    public record ReverseForm(String reason) {
    }

    public record IssueForm(YearMonth period, Long orgId) {
    }

    public record IssueResult(YearMonth period, long orgId, int issued, long millis) {
    }

    /** R5.6 / R3.4: 3 months unpaid → reminder; 6 consecutive months → 自行脱党 review candidate (human decision). */
    public enum ArrearsLevel { REMINDER, REVIEW }

    public record Arrears(long memberId, String memberName, long orgId, YearMonth paidUpTo, YearMonth since,
                          int months, BigDecimal owed, ArrearsLevel level) {
    }

    /** 公示 line: amounts only, never the income base. */
    /** {@code relief}: REDUCED or EXEMPT if an approved relief covers part of the period (R5.5; no reason). */
    public record PublicityLine(long memberId, String memberName, DuesCategory category, BigDecimal due,
                                BigDecimal paid, YearMonth paidUpTo, String relief) {
    }

    public record Publicity(long orgId, String orgName, YearMonth from, YearMonth to, List<PublicityLine> lines,
                            BigDecimal totalDue, BigDecimal totalPaid) {
    }

    public record CollectionLine(long orgId, String orgName, int bills, int payers, BigDecimal due, BigDecimal paid,
                                 BigDecimal rate) {
    }

    public record Collection(long orgId, YearMonth period, List<CollectionLine> branches, int bills, int payers,
                             BigDecimal due, BigDecimal paid, BigDecimal rate) {
    }

    public record ReconciliationLine(String method, int payments, BigDecimal received, BigDecimal booked,
                                     BigDecimal difference) {
    }

    /** One month of the treasurer's reconciliation: per method, with the month's totals. */
    public record ReconciliationMonth(YearMonth month, List<ReconciliationLine> lines, BigDecimal received,
                                      BigDecimal booked, BigDecimal difference) {
    }

    /** The reconciliation page: months of [from, to] and the payments that need the treasurer (late, unbooked). */
    public record Reconciliation(long orgId, String orgName, YearMonth from, YearMonth to,
                                 List<ReconciliationMonth> months, List<Payment> attention) {
    }
}
