package io.zhibu.shared;

import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Pinyin initials of a name for roster search ("zsf" finds 张三丰). Surnames whose reading differs from the
 * character's first dictionary reading are overridden (曾 zeng, 单 shan, 解 xie, ...).
 */
public final class PinyinInitials {
    private static final Map<Character, Character> SURNAME_INITIALS = Map.ofEntries(
            Map.entry('曾', 'z'), Map.entry('单', 's'), Map.entry('解', 'x'), Map.entry('仇', 'q'),
            Map.entry('区', 'o'), Map.entry('朴', 'p'), Map.entry('查', 'z'), Map.entry('盖', 'g'),
            Map.entry('乐', 'y'), Map.entry('尉', 'y'), Map.entry('缪', 'm'), Map.entry('覃', 'q'),
            Map.entry('翟', 'z'), Map.entry('沈', 's'), Map.entry('长', 'c'), Map.entry('重', 'c'),
            Map.entry('秘', 'b'), Map.entry('褚', 'c'), Map.entry('贾', 'j'), Map.entry('万', 'w'));

    private PinyinInitials() {
    }

    public static String of(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i == 0 && SURNAME_INITIALS.containsKey(c)) {
                sb.append(SURNAME_INITIALS.get(c));
                continue;
            }
            if (c < 128) {
                if (Character.isLetter(c)) {
                    sb.append(Character.toLowerCase(c));
                }
                continue;
            }
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
            if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                sb.append(readings[0].charAt(0));
            }
        }
        return sb.toString();
    }
}
