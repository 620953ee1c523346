package io.zhibu.demo;

import io.zhibu.member.MemberCategory;
import io.zhibu.shared.Gender;
import io.zhibu.shared.IdCardNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the members of one branch after another. Each branch has its own random stream (seed and org key),
 * so the output does not depend on chunking. ID numbers (GB 11643) are unique by a set of used
 * (region, birth date, sequence) keys, about 50 bytes per member; phone numbers are unique by construction
 * (a keyed permutation of the member's ordinal).
 */
final class PersonFactory {
    /** Share of 预备党员 among members that may be probationary (not the first three of a branch, not retirees). */
    static final double PROBATIONARY_SHARE = 0.058;

    private static final Weighted<String> ETHNICITY = Weighted.of("01", 9760, "03", 150, "11", 30, "02", 20,
            "08", 10, "15", 10, "06", 10, "10", 5, "04", 5);
    private static final Weighted<String> HUI_DISTRICT = Weighted.of("01", 80, "03", 20);
    /** Mainland mobile prefixes of the three carriers (all match 1[3-9]\d). */
    private static final Weighted<String> MOBILE = Weighted.of("139", 9, "138", 9, "137", 7, "136", 6, "135", 6,
            "134", 4, "150", 5, "151", 5, "152", 4, "157", 3, "158", 5, "159", 5, "182", 4, "183", 4, "187", 5,
            "188", 4, "198", 3, "195", 2, "178", 2, "130", 4, "131", 4, "132", 4, "155", 3, "156", 3, "185", 4,
            "186", 5, "166", 2, "175", 2, "176", 2, "133", 3, "153", 3, "173", 2, "177", 2, "180", 3, "181", 3,
            "189", 4, "199", 2, "191", 2, "193", 1);

    private static final Weighted<String> EDU_FARMER_YOUNG = Weighted.of("71", 40, "61", 30, "41", 12, "31", 12, "21", 6);
    private static final Weighted<String> EDU_FARMER_MID = Weighted.of("81", 10, "71", 55, "61", 25, "41", 6, "31", 4);
    private static final Weighted<String> EDU_FARMER_OLD = Weighted.of("81", 40, "71", 45, "61", 12, "90", 3);
    private static final Weighted<String> EDU_STUDENT = Weighted.of("61", 70, "21", 25, "14", 5);
    private static final Weighted<String> EDU_RETIRED_CADRE = Weighted.of("21", 25, "31", 30, "41", 20, "61", 20, "71", 5);
    private static final Weighted<String> EDU_RETIRED = Weighted.of("61", 30, "71", 30, "41", 15, "31", 15, "21", 5, "81", 5);
    private static final Weighted<String> EDU_OTHER = Weighted.of("71", 30, "61", 35, "41", 10, "31", 15, "21", 10);
    private static final Weighted<String> EDU_NONE = Weighted.of("81", 10, "71", 40, "61", 30, "31", 12, "21", 8);
    private static final Weighted<String> EDU_CADRE = Weighted.of("14", 10, "21", 60, "31", 22, "41", 4, "61", 4);
    private static final Weighted<String> EDU_TEACHER = Weighted.of("14", 10, "21", 62, "31", 22, "41", 6);
    private static final Weighted<String> EDU_DOCTOR = Weighted.of("11", 1, "14", 12, "21", 52, "31", 25, "41", 10);
    private static final Weighted<String> EDU_SOE = Weighted.of("14", 5, "21", 40, "31", 30, "41", 10, "61", 15);
    private static final Weighted<String> EDU_WORKER = Weighted.of("14", 3, "21", 30, "31", 35, "41", 10, "61", 20, "71", 2);

    private final long seed;
    private final LocalDate today;
    private final List<String> regionCodes;
    private final Set<Long> usedIds = new HashSet<>();
    private long ordinal;

    PersonFactory(long seed, LocalDate today, List<String> regionCodes) {
        this.seed = seed;
        this.today = today;
        this.regionCodes = List.copyOf(regionCodes);
    }

    /** All members of a member-holding organization; the first is its secretary, the first three are full members. */
    List<MemberSpec> branch(OrgSpec org) {
        SplittableRandom rng = new SplittableRandom(mix(seed ^ 0x5DEECE66DL, org.key()));
        List<MemberSpec> out = new ArrayList<>(org.members());
        for (int i = 0; i < org.members(); i++) {
            out.add(member(org, i, rng));
        }
        return out;
    }

    private MemberSpec member(OrgSpec org, int index, SplittableRandom rng) {
        UnitKind kind = org.kind();
        boolean secretary = index == 0;
        Gender gender;
        String category;
        MemberCategory status;
        LocalDate birth;
        String name;
        if (secretary) {
            gender = org.secretaryGender();
            category = kind.secretaryCategory();
            status = MemberCategory.FULL;
            birth = LocalDate.of(org.secretaryBirthYear(), 1, 1).plusDays(rng.nextInt(0, 365));
            name = org.secretaryName();
        } else {
            boolean mayBeProbationary = index >= 3 && kind != UnitKind.RETIRED;
            status = mayBeProbationary && rng.nextDouble() < PROBATIONARY_SHARE ? MemberCategory.PROBATIONARY
                    : MemberCategory.FULL;
            category = kind.personCategories.pick(rng);
            if (status == MemberCategory.PROBATIONARY && category.equals("04")) {
                category = kind == UnitKind.VILLAGE ? "02" : "01";
            }
            gender = rng.nextDouble() < kind.maleShare ? Gender.MALE : Gender.FEMALE;
            int age = status == MemberCategory.PROBATIONARY ? probationaryAge(category, rng) : age(category, gender, rng);
            birth = today.minusYears(age).minusDays(rng.nextInt(0, 365));
            name = ChineseNames.name(rng, gender, birth.getYear());
        }
        int age = java.time.Period.between(birth, today).getYears();
        LocalDate joined = status == MemberCategory.PROBATIONARY
                ? today.minusDays(rng.nextInt(0, 360))
                : fullJoinDate(birth, category, secretary, rng);
        String idNumber = idNumber(org, gender, birth, rng);
        String ethnicity = (org.locality() != null && org.locality().contains("回族") ? HUI_DISTRICT : ETHNICITY).pick(rng);
        String jobTitle = secretary ? kind.secretaryTitle
                : JobTitles.pick(kind, category, gender, age, status == MemberCategory.PROBATIONARY, rng);
        return new MemberSpec(org.key(), name, idNumber, gender, birth, ethnicity, education(kind, category, age, rng),
                category, jobTitle, phone(rng), address(org, kind, rng), status, joined);
    }

    // ---------------------------------------------------------------- ages and dates

    /** Age by 人员类别: workers 23–60 (women to 55), farmers older, retirees 55/60–90, students 19–23. */
    private static int age(String category, Gender gender, SplittableRandom rng) {
        boolean male = gender == Gender.MALE;
        return switch (category) {
            case "01" -> triangular(rng, 23, male ? 42 : 40, male ? 60 : 55);
            case "02" -> triangular(rng, 25, 58, 88);
            case "03" -> rng.nextInt(19, 24);
            case "04" -> triangular(rng, male ? 60 : 55, 69, 90);
            case "05" -> triangular(rng, 24, 45, 70);
            default -> triangular(rng, 24, 55, 82);
        };
    }

    private static int probationaryAge(String category, SplittableRandom rng) {
        return switch (category) {
            case "03" -> rng.nextInt(19, 23);
            case "02" -> triangular(rng, 22, 32, 50);
            default -> triangular(rng, 21, 28, 45);
        };
    }

    /**
     * A full member's admission date: usually at 19–35, never before the 18th birthday (R9.2) and at least 12 months
     * ago so that probation is over (R2.8); a secretary has at least one year of full membership (R1.4).
     */
    private LocalDate fullJoinDate(LocalDate birth, String category, boolean secretary, SplittableRandom rng) {
        LocalDate earliest = birth.plusYears(18);
        LocalDate latest = secretary ? today.minusYears(2) : today.minusMonths(12);
        int joinAge = category.equals("02") ? triangular(rng, 19, 30, 55) : triangular(rng, 18, 25, 50);
        LocalDate d = birth.plusYears(joinAge).plusDays(rng.nextInt(0, 365));
        if (d.isBefore(earliest) || d.isAfter(latest)) {
            d = earliest.plusDays(rng.nextLong(0, latest.toEpochDay() - earliest.toEpochDay() + 1));
        }
        return d;
    }

    private static int triangular(SplittableRandom rng, int min, int mode, int max) {
        double u = rng.nextDouble();
        double f = (double) (mode - min) / (max - min);
        double x = u < f ? min + Math.sqrt(u * (max - min) * (mode - min))
                : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
        return Math.min(max, Math.max(min, (int) Math.floor(x)));
    }

    // ---------------------------------------------------------------- identifiers

    /**
     * 公民身份号码: region (mostly the branch's own county), birth date, a sequence whose last digit's parity is the
     * gender (odd = male), and the GB 11643 check character.
     */
    private String idNumber(OrgSpec org, Gender gender, LocalDate birth, SplittableRandom rng) {
        String home = org.regionCode();
        if (home == null || home.endsWith("00") || !regionCodes.contains(home)) {
            home = regionCodes.get(rng.nextInt(regionCodes.size()));
        }
        String region = rng.nextDouble() < 0.85 ? home : regionCodes.get(rng.nextInt(regionCodes.size()));
        int male = gender == Gender.MALE ? 1 : 0;
        for (int attempt = 0; attempt < 500; attempt++) {
            int seq = rng.nextInt(0, 500) * 2 + male;
            if (seq == 0) {
                continue;
            }
            long key = Long.parseLong(region) * 100_000_000L + (birth.toEpochDay() + 50_000L) * 1000 + seq;
            if (usedIds.add(key)) {
                String first17 = region + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                        birth.getDayOfMonth(), seq);
                return first17 + IdCardNumber.checkChar(first17);
            }
        }
        throw new IllegalStateException("no free ID sequence for " + region + " " + birth);
    }

    /** Unique: the 8 digits after the prefix are a keyed permutation of the member's ordinal. */
    private String phone(SplittableRandom rng) {
        long n = permute(ordinal++, seed);
        return MOBILE.pick(rng) + String.format("%08d", n);
    }

    /** A 4-round Feistel network on [0, 10^8) (two halves in [0, 10^4)): a bijection, so no repeats. */
    static long permute(long x, long key) {
        if (x < 0 || x >= 100_000_000L) {
            throw new IllegalArgumentException("ordinal out of range: " + x);
        }
        int l = (int) (x / 10_000);
        int r = (int) (x % 10_000);
        for (int round = 0; round < 4; round++) {
            int f = (int) Math.floorMod(mix(key + round, r), 10_000L);
            int next = (l + f) % 10_000;
            l = r;
            r = next;
        }
        return l * 10_000L + r;
    }

    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---------------------------------------------------------------- other fields

    private static String education(UnitKind kind, String category, int age, SplittableRandom rng) {
        Weighted<String> w = switch (category) {
            case "02" -> age < 40 ? EDU_FARMER_YOUNG : age < 60 ? EDU_FARMER_MID : EDU_FARMER_OLD;
            case "03" -> EDU_STUDENT;
            case "04" -> switch (kind) {
                case AGENCY, TOWNSHIP_AGENCY, RETIRED, SCHOOL, HOSPITAL -> EDU_RETIRED_CADRE;
                default -> EDU_RETIRED;
            };
            case "05" -> EDU_OTHER;
            case "06" -> EDU_NONE;
            default -> switch (kind) {
                case AGENCY, TOWNSHIP_AGENCY -> EDU_CADRE;
                case SCHOOL, STUDENT -> EDU_TEACHER;
                case HOSPITAL -> EDU_DOCTOR;
                case STATE_ENTERPRISE -> EDU_SOE;
                default -> EDU_WORKER;
            };
        };
        return w.pick(rng);
    }

    /** Rural members: 村民小组 and house number; others: road, compound, building, unit and flat. */
    private static String address(OrgSpec org, UnitKind kind, SplittableRandom rng) {
        String base = org.locality() == null ? Places.PROVINCE : org.locality();
        if (kind.rural()) {
            return base + rng.nextInt(1, 13) + "组" + rng.nextInt(1, 151) + "号";
        }
        String road = Places.ROADS.get(rng.nextInt(Places.ROADS.size()));
        String compound = Places.COMPOUNDS.get(rng.nextInt(Places.COMPOUNDS.size()));
        return base + road + rng.nextInt(1, 400) + "号" + compound + rng.nextInt(1, 25) + "号楼" + rng.nextInt(1, 5)
                + "单元" + rng.nextInt(1, 19) + "0" + rng.nextInt(1, 5) + "室";
    }
}
