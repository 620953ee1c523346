package io.zhibu.member;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** National code lists used on the member record (§9.1), with Chinese and English labels. */
public final class MemberCodes {
    /** 民族, GB/T 3304. */
    public static final Map<String, String[]> ETHNICITY = table(
            "01", "汉族", "Han", "02", "蒙古族", "Mongol", "03", "回族", "Hui", "04", "藏族", "Tibetan",
            "05", "维吾尔族", "Uyghur", "06", "苗族", "Miao", "07", "彝族", "Yi", "08", "壮族", "Zhuang",
            "09", "布依族", "Bouyei", "10", "朝鲜族", "Korean", "11", "满族", "Manchu", "12", "侗族", "Dong",
            "13", "瑶族", "Yao", "14", "白族", "Bai", "15", "土家族", "Tujia", "16", "哈尼族", "Hani",
            "17", "哈萨克族", "Kazakh", "18", "傣族", "Dai", "19", "黎族", "Li", "20", "傈僳族", "Lisu",
            "21", "佤族", "Va", "22", "畲族", "She", "23", "高山族", "Gaoshan", "24", "拉祜族", "Lahu",
            "25", "水族", "Sui", "26", "东乡族", "Dongxiang", "27", "纳西族", "Naxi", "28", "景颇族", "Jingpo",
            "29", "柯尔克孜族", "Kyrgyz", "30", "土族", "Tu", "31", "达斡尔族", "Daur", "32", "仫佬族", "Mulao",
            "33", "羌族", "Qiang", "34", "布朗族", "Blang", "35", "撒拉族", "Salar", "36", "毛南族", "Maonan",
            "37", "仡佬族", "Gelao", "38", "锡伯族", "Xibe", "39", "阿昌族", "Achang", "40", "普米族", "Pumi",
            "41", "塔吉克族", "Tajik", "42", "怒族", "Nu", "43", "乌孜别克族", "Uzbek", "44", "俄罗斯族", "Russian",
            "45", "鄂温克族", "Evenki", "46", "德昂族", "De'ang", "47", "保安族", "Bonan", "48", "裕固族", "Yugur",
            "49", "京族", "Gin", "50", "塔塔尔族", "Tatar", "51", "独龙族", "Derung", "52", "鄂伦春族", "Oroqen",
            "53", "赫哲族", "Hezhen", "54", "门巴族", "Monpa", "55", "珞巴族", "Lhoba", "56", "基诺族", "Jino",
            "97", "其他", "Other", "98", "外国血统中国籍人士", "Naturalized");

    /** 学历, GB/T 4658 (graduated codes). */
    public static final Map<String, String[]> EDUCATION = table(
            "11", "博士研究生", "Doctorate", "14", "硕士研究生", "Master's", "21", "大学本科", "Bachelor's",
            "31", "大学专科", "Associate (college)", "41", "中等专科", "Secondary vocational",
            "61", "普通高中", "High school", "71", "初中", "Junior high school", "81", "小学", "Primary school",
            "90", "其他", "Other");

    /** 人员类别 (simplified national list; the exact list is [U] in rules.md §10). */
    public static final Map<String, String[]> PERSON_CATEGORY = table(
            "01", "在岗职工", "Employed", "02", "农牧渔民", "Farmer / herder / fisher", "03", "学生", "Student",
            "04", "离退休人员", "Retired", "05", "其他职业人员", "Other occupation", "06", "无职业人员", "Not employed");

    private MemberCodes() {
    }

    public static String label(Map<String, String[]> table, String code, Locale locale) {
        String[] l = code == null ? null : table.get(code);
        if (l == null) {
            return code;
        }
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? l[1] : l[0];
    }

    public static Map<String, String> labels(Map<String, String[]> table, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        table.keySet().forEach(k -> m.put(k, label(table, k, locale)));
        return m;
    }

    private static Map<String, String[]> table(String... triples) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            m.put(triples[i], new String[] {triples[i + 1], triples[i + 2]});
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
