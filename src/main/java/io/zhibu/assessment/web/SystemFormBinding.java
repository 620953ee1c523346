package io.zhibu.assessment.web;

import io.zhibu.assessment.StandardSystem;
import io.zhibu.assessment.StandardSystem.Aspect;
import io.zhibu.assessment.StandardSystem.Comparison;
import io.zhibu.assessment.StandardSystem.Item;
import io.zhibu.assessment.StandardSystem.ScoringMode;
import io.zhibu.assessment.StandardSystem.Standard;
import io.zhibu.assessment.StandardSystem.Tier;
import io.zhibu.assessment.StandardSystem.Veto;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the form-based standard system editor (标准体系表单) into a {@link StandardSystem}: header fields
 * ({@code name}, {@code total}, {@code note}, ...), aspects {@code a<i>.code|name}, standards {@code a<i>.s<j>.code|name},
 * items {@code a<i>.s<j>.i<k>.code|name|points|mode|fact|fullAt|zeroAt|guidance}, vetoes {@code v<i>.code|name|fact|op|threshold}
 * and tiers {@code t<i>.stars|label|min|below|quota}. Indexes only order the rows (removed rows leave gaps; added rows
 * take the next free number); rows left completely empty are ignored. Numbers that do not parse are reported as
 * violations; everything else is for {@code StandardValidator} (through the service, as for the API).
 */
final class SystemFormBinding {
    private static final Pattern ASPECT = Pattern.compile("a(\\d{1,4})\\.(code|name)");
    private static final Pattern STANDARD = Pattern.compile("a(\\d{1,4})\\.s(\\d{1,4})\\.(code|name)");
    private static final Pattern ITEM = Pattern.compile("a(\\d{1,4})\\.s(\\d{1,4})\\.i(\\d{1,4})\\.(code|name|points|mode|fact|fullAt|zeroAt|guidance)");
    private static final Pattern VETO = Pattern.compile("v(\\d{1,4})\\.(code|name|fact|op|threshold)");
    private static final Pattern TIER = Pattern.compile("t(\\d{1,4})\\.(stars|label|min|below|quota)");

    /** The system read from the form and the numbers that did not parse. */
    record Bound(StandardSystem system, List<Violation> errors) {
    }

    private SystemFormBinding() {
    }

    private static final class Node {
        final Map<String, String> fields = new HashMap<>();
        final TreeMap<Integer, Node> children = new TreeMap<>();

        String get(String k) {
            String v = fields.get(k);
            return v == null || v.isBlank() ? null : v.trim();
        }

        boolean blank(String... keys) {
            for (String k : keys) {
                if (get(k) != null) {
                    return false;
                }
            }
            return true;
        }
    }

    static Bound bind(Map<String, String> params) {
        TreeMap<Integer, Node> aspects = new TreeMap<>();
        TreeMap<Integer, Node> vetoes = new TreeMap<>();
        TreeMap<Integer, Node> tiers = new TreeMap<>();
        params.forEach((key, value) -> {
            Matcher m;
            if ((m = ITEM.matcher(key)).matches()) {
                node(node(node(aspects, m.group(1)).children, m.group(2)).children, m.group(3)).fields.put(m.group(4), value);
            } else if ((m = STANDARD.matcher(key)).matches()) {
                node(node(aspects, m.group(1)).children, m.group(2)).fields.put(m.group(3), value);
            } else if ((m = ASPECT.matcher(key)).matches()) {
                node(aspects, m.group(1)).fields.put(m.group(2), value);
            } else if ((m = VETO.matcher(key)).matches()) {
                node(vetoes, m.group(1)).fields.put(m.group(2), value);
            } else if ((m = TIER.matcher(key)).matches()) {
                node(tiers, m.group(1)).fields.put(m.group(2), value);
            }
        });
        List<Violation> errors = new ArrayList<>();
        List<Aspect> aspectList = new ArrayList<>();
        for (Node a : aspects.values()) {
            List<Standard> standards = new ArrayList<>();
            for (Node s : a.children.values()) {
                List<Item> items = new ArrayList<>();
                for (Node i : s.children.values()) {
                    if (i.blank("code", "name", "points")) {
                        continue;
                    }
                    String field = "items." + (i.get("code") == null ? "?" : i.get("code"));
                    ScoringMode mode = enumOf(ScoringMode.class, i.get("mode"));
                    boolean derived = mode == ScoringMode.DERIVED;
                    items.add(new Item(i.get("code"), i.get("name"), number(i.get("points"), field, errors), mode,
                            derived ? i.get("fact") : null, derived ? number(i.get("fullAt"), field, errors) : null,
                            derived ? number(i.get("zeroAt"), field, errors) : null, i.get("guidance")));
                }
                if (!items.isEmpty() || !s.blank("code", "name")) {
                    standards.add(new Standard(s.get("code"), s.get("name"), items));
                }
            }
            if (!standards.isEmpty() || !a.blank("code", "name")) {
                aspectList.add(new Aspect(a.get("code"), a.get("name"), standards));
            }
        }
        List<Veto> vetoList = new ArrayList<>();
        for (Node v : vetoes.values()) {
            if (v.blank("code", "name")) {
                continue;
            }
            String field = "vetoes." + (v.get("code") == null ? "?" : v.get("code"));
            String fact = v.get("fact");
            vetoList.add(new Veto(v.get("code"), v.get("name"), fact, fact == null ? null : enumOf(Comparison.class, v.get("op")),
                    fact == null ? null : number(v.get("threshold"), field, errors)));
        }
        List<Tier> tierList = new ArrayList<>();
        for (Node t : tiers.values()) {
            if (t.blank("stars", "label", "min", "below")) {
                continue;
            }
            BigDecimal stars = number(t.get("stars"), "tiers", errors);
            BigDecimal quota = number(t.get("quota"), "tiers", errors);
            tierList.add(new Tier(stars == null ? 0 : stars.intValue(), t.get("label"), number(t.get("min"), "tiers", errors),
                    number(t.get("below"), "tiers", errors), quota == null ? null : quota.intValue()));
        }
        String total = params.get("total");
        StandardSystem system = new StandardSystem(trim(params.get("code")), trim(params.get("name")),
                trim(params.get("domain")), number(trim(total), "total", errors), aspectList, vetoList, tierList,
                trim(params.get("note")));
        return new Bound(system, errors);
    }

    private static Node node(TreeMap<Integer, Node> map, String index) {
        return map.computeIfAbsent(Integer.parseInt(index), k -> new Node());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static BigDecimal number(String raw, String field, List<Violation> errors) {
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw.replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(new Violation(field, "assessment.form.number", raw));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String raw) {
        if (raw == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(raw)) {
                return e;
            }
        }
        return null;
    }
}
