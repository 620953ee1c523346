package io.zhibu.demo;

import io.zhibu.shared.Gender;
import java.util.SplittableRandom;

/**
 * Realistic Chinese personal names (姓名): surnames weighted by frequency (national ranking, nudged towards Henan,
 * where 王李张刘 dominate and 郭赵孟牛常 are common), given names of one or two characters typical of the
 * person's birth cohort (建国 and 秀英 for the 1950s, 伟 and 丽 for the 1970s, 浩然 and 欣怡 for the 2000s).
 */
final class ChineseNames {

    /** Surname and weight per 10,000 people. */
    private static final Weighted<String> SURNAMES = Weighted.of(
            "王", 720, "李", 700, "张", 690, "刘", 550, "陈", 430, "杨", 310, "赵", 260, "周", 200, "吴", 190,
            "孙", 160, "郭", 160, "黄", 150, "徐", 150, "马", 150, "朱", 130, "胡", 120, "高", 120, "郑", 100,
            "何", 90, "宋", 90, "梁", 80, "许", 80, "韩", 80, "冯", 80, "罗", 70, "曹", 70, "林", 60, "谢", 60,
            "唐", 60, "田", 60, "董", 60, "邓", 50, "彭", 50, "肖", 50, "袁", 50, "于", 50, "杜", 50, "程", 50,
            "魏", 50, "吕", 50, "潘", 40, "蒋", 40, "蔡", 40, "余", 40, "苏", 40, "丁", 40, "任", 40, "姚", 40,
            "崔", 40, "范", 40, "贾", 40, "孟", 40, "闫", 40, "曾", 30, "叶", 30, "沈", 30, "卢", 30, "姜", 30,
            "石", 30, "夏", 30, "付", 30, "白", 30, "秦", 30, "薛", 30, "段", 30, "侯", 30, "史", 30, "郝", 30,
            "武", 30, "牛", 30, "常", 30, "钟", 20, "谭", 20, "陆", 20, "汪", 20, "金", 20, "方", 20, "邹", 20,
            "熊", 20, "邱", 20, "江", 20, "尹", 20, "雷", 20, "陶", 20, "贺", 20, "毛", 20, "邵", 20, "万", 20,
            "孔", 20, "申", 20, "康", 20, "尚", 20, "廖", 15, "顾", 15, "严", 15, "戴", 15, "汤", 15, "靳", 15,
            "聂", 15, "葛", 15, "韦", 10, "龙", 10, "黎", 10, "龚", 10, "钱", 10, "楚", 10, "原", 10, "卫", 10,
            "司马", 3, "欧阳", 3, "上官", 2, "诸葛", 1);

    /** Given names of one birth cohort: curated full names plus character pools to compose two-character names. */
    private record Cohort(String[] maleNames, String[] maleFirst, String[] maleSecond, String[] femaleNames,
                          String[] femaleFirst, String[] femaleSecond, double singleShare) {
    }

    private static final Cohort BEFORE_1960 = new Cohort(
            split("建国 国庆 国强 国华 建华 建军 志强 德明 振华 文华 学文 保国 金山 长顺 富贵 有才 玉林 广田 红旗 卫东 德胜 明 福 忠 海 林 成 山 俊"),
            split("建 国 志 德 振 文 学 保 金 长 富 有 玉 广 红 卫 明 永 春 福 海 庆 树 宝 占 天"),
            split("国 华 军 民 林 山 成 明 生 才 顺 贵 田 胜 忠 荣 发 旺 祥 堂 义 仁 清 平 江"),
            split("秀英 桂英 秀兰 玉兰 桂兰 凤英 淑珍 玉梅 秀珍 丽华 秀云 桂芝 玉珍 凤兰 素珍 玉芳 秀芳 翠兰 爱华 春兰 桂香 荣 英 兰 芬 珍"),
            split("秀 桂 玉 淑 凤 素 翠 爱 春 金 银 月 彩 香 巧 改"),
            split("英 兰 珍 梅 云 芝 芳 华 琴 香 花 荣 娥 霞 枝 莲"),
            0.2);
    private static final Cohort FROM_1960 = new Cohort(
            split("建华 伟 勇 军 强 磊 涛 斌 刚 明 辉 建军 志刚 海涛 红军 卫国 新民 立新 永刚 建平 建新 东 峰 波"),
            split("建 志 海 永 立 新 红 卫 晓 俊 国 宏 振 东 德 向 保 朝 跃"),
            split("平 军 刚 华 伟 强 明 新 民 波 涛 峰 辉 林 斌 杰 勇 东 锋 彬"),
            split("丽 静 敏 燕 艳 娟 霞 芳 红 梅 丽娟 红梅 秀梅 海燕 晓燕 丽萍 桂芳 凤霞 爱萍 建华 萍 玲 琴"),
            split("丽 红 晓 海 秀 爱 春 桂 凤 艳 小 雪 玉 美 彩 素"),
            split("娟 梅 燕 萍 霞 芳 红 华 丽 敏 琴 玲 英 莉 荣 云"),
            0.3);
    private static final Cohort FROM_1980 = new Cohort(
            split("伟 磊 鹏 超 杰 浩 强 军 涛 斌 鑫 亮 帅 阳 飞 龙 宇 凯 晨 俊杰 志伟 海龙 鹏飞 晓东 建伟 明辉"),
            split("文 俊 志 晓 海 鹏 浩 建 家 明 国 子 佳 宏 嘉 振 伟 天 亚 永"),
            split("伟 杰 龙 飞 鹏 超 涛 波 辉 宇 峰 强 磊 亮 博 明 凯 鑫 阳 斌 森 帅"),
            split("静 丽 婷 娜 敏 燕 洁 芳 璐 莹 雪 倩 丹 佳 晶 晓丽 丽娜 亚楠 婷婷 静静 晓燕 艳丽 莉莉"),
            split("晓 丽 婷 雪 佳 静 文 欣 思 雅 春 美 红 玉 梦 慧 亚 彦"),
            split("婷 燕 丽 静 雪 娟 颖 琳 洁 慧 娜 倩 莹 敏 琪 晨 楠 蕊"),
            0.3);
    private static final Cohort FROM_1995 = new Cohort(
            split("浩 宇 轩 博 睿 豪 杰 晨 鑫 浩然 子轩 宇航 博文 俊熙 子豪 一鸣 思远 天宇 家豪 明轩 梓豪 皓轩"),
            split("子 浩 宇 梓 俊 一 思 天 博 嘉 明 皓 家 佳 睿 铭 雨 泽 文 凯"),
            split("轩 宇 豪 然 涵 杰 辰 睿 博 航 鸣 泽 阳 铭 凯 远 哲 晨 翔 恒"),
            split("欣 婷 雪 怡 瑶 涵 悦 欣怡 佳怡 梦瑶 诗涵 雨欣 思雨 梓涵 子涵 佳琪 雨桐 晓雪 文静 一诺 可馨"),
            split("欣 子 梓 诗 雨 思 佳 梦 可 一 嘉 雅 晓 若 紫 心 语 文"),
            split("怡 涵 萱 琪 彤 瑶 悦 琳 妍 然 欣 雯 桐 馨 婷 蕾 静 颖"),
            0.15);

    private ChineseNames() {
    }

    /** A full name for a person of this gender born in {@code birthYear}. */
    static String name(SplittableRandom rng, Gender gender, int birthYear) {
        return SURNAMES.pick(rng) + givenName(rng, gender, birthYear);
    }

    static String givenName(SplittableRandom rng, Gender gender, int birthYear) {
        Cohort c = birthYear < 1960 ? BEFORE_1960 : birthYear < 1980 ? FROM_1960 : birthYear < 1995 ? FROM_1980 : FROM_1995;
        boolean male = gender == Gender.MALE;
        String[] curated = male ? c.maleNames() : c.femaleNames();
        String[] first = male ? c.maleFirst() : c.femaleFirst();
        String[] second = male ? c.maleSecond() : c.femaleSecond();
        double r = rng.nextDouble();
        if (r < c.singleShare()) {
            return second[rng.nextInt(second.length)];
        }
        if (r < c.singleShare() + 0.35) {
            return curated[rng.nextInt(curated.length)];
        }
        String a = first[rng.nextInt(first.length)];
        String b = second[rng.nextInt(second.length)];
        while (b.equals(a)) {
            b = second[rng.nextInt(second.length)];
        }
        return a + b;
    }

    private static String[] split(String s) {
        return s.split(" ");
    }
}
