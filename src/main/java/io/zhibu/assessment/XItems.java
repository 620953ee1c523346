package io.zhibu.assessment;

import io.zhibu.assessment.StandardSystem.Aspect;
import io.zhibu.assessment.StandardSystem.Item;
import io.zhibu.assessment.StandardSystem.ScoringMode;
import io.zhibu.assessment.StandardSystem.Standard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 青神“6+X”自选清单 (Qingshen report, 人民网 2015: "6 项基础清单 + 1–2 项自选清单"; rules.md §8.1 — the points add up
 * to the total): a system reserves the X part as standards coded {@code X1}, {@code X2}, … (their items' points are
 * the <b>X allowance</b>). A branch's approved X items replace those placeholder standards for that branch only, as
 * one standard of judged items (self-check, then spot check); approved items may use at most the allowance, and any
 * unused remainder stays one judged item ("自选清单未用额度") so the branch's total is still the system's total. Pure.
 */
public final class XItems {
    /** The standards a system reserves for the branch's own X items. */
    public static final Pattern RESERVED = Pattern.compile("X\\d+");
    /** The code prefix of a branch's X item in its scoring system ({@code BX} + id). */
    public static final String ITEM_PREFIX = "BX";
    /** The code of the unused remainder item. */
    public static final String REMAINDER = "BX0";

    private XItems() {
    }

    /** One approved X item of a branch (自选项): name, what it covers, points, the evidence it requires. */
    public record XItem(long id, String name, String content, BigDecimal points, String evidenceRequired) {
        public String code() {
            return ITEM_PREFIX + id;
        }
    }

    /** The points a system reserves for X items (0 when it reserves none: no X items can be proposed). */
    public static BigDecimal allowance(StandardSystem system) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Aspect a : system.aspects()) {
            for (Standard s : a.standards()) {
                if (reserved(s)) {
                    for (Item i : s.items()) {
                        sum = sum.add(i.points());
                    }
                }
            }
        }
        return sum;
    }

    /** Whether {@code points} more fit beside the {@code approved} points within {@code allowance}. */
    public static boolean fits(BigDecimal allowance, BigDecimal approved, BigDecimal points) {
        return points.signum() > 0 && approved.add(points).compareTo(allowance) <= 0;
    }

    /**
     * The system one branch is scored with: unchanged without approved X items; otherwise the reserved standards are
     * replaced (at the first one's place) by one standard "自选清单（X）" of the branch's items plus the remainder.
     *
     * @throws IllegalArgumentException when the items exceed the allowance (approval never lets that happen)
     */
    public static StandardSystem forBranch(StandardSystem system, List<XItem> approved) {
        if (approved == null || approved.isEmpty()) {
            return system;
        }
        BigDecimal allowance = allowance(system);
        BigDecimal used = approved.stream().map(XItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (used.compareTo(allowance) > 0) {
            throw new IllegalArgumentException("X items " + used + " > allowance " + allowance);
        }
        List<Item> items = new ArrayList<>();
        for (XItem x : approved) {
            items.add(new Item(x.code(), x.name(), x.points(), ScoringMode.JUDGED, null, null, null,
                    x.content() + "；佐证：" + x.evidenceRequired()));
        }
        BigDecimal rest = allowance.subtract(used);
        if (rest.signum() > 0) {
            items.add(new Item(REMAINDER, "自选清单未用额度", rest, ScoringMode.JUDGED, null, null, null,
                    "上级认可的自选项未用满 X 分值，余额由上级抽查评定"));
        }
        Standard mine = new Standard("X", "自选清单（X）", items);
        List<Aspect> aspects = new ArrayList<>();
        boolean placed = false;
        for (Aspect a : system.aspects()) {
            List<Standard> standards = new ArrayList<>();
            for (Standard s : a.standards()) {
                if (!reserved(s)) {
                    standards.add(s);
                } else if (!placed) {
                    standards.add(mine);
                    placed = true;
                }
            }
            aspects.add(new Aspect(a.code(), a.name(), standards));
        }
        return new StandardSystem(system.code(), system.name(), system.domain(), system.total(), aspects,
                system.vetoes(), system.tiers(), system.note());
    }

    private static boolean reserved(Standard s) {
        return s != null && s.code() != null && RESERVED.matcher(s.code()).matches();
    }
}
