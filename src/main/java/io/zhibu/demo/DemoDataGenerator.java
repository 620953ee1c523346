package io.zhibu.demo;

import io.zhibu.demo.Places.City;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic generator of realistic Party-organization data (pure Java, no Spring): the same seed and day give
 * the same organizations and members.
 * <ul>
 *   <li>{@link #county(int)}: the demo county 中共修武县委 (焦作市, Henan), about 300 (320) organizations of all seven
 *       domains and all six types, and its members (default 10,000).</li>
 *   <li>{@link #city(int, int, int)}: a city-sized region for benchmarks (default 8,300 organizations and 220,000
 *       members) with the same realism, members generated lazily.</li>
 * </ul>
 * Members carry GB 11643-valid, unique ID numbers with real GB/T 2260 county codes, unique mobile numbers,
 * cohort-typical names, GB/T 3304 ethnicity, GB/T 4658 education and a 人员类别 that fits their unit.
 */
public final class DemoDataGenerator {
    public static final long DEFAULT_SEED = 20_260_501L;
    public static final int DEFAULT_MEMBERS = 10_000;
    public static final int DEFAULT_CITY_ORGS = 8_300;
    public static final int DEFAULT_CITY_MEMBERS = 220_000;

    /** Stable names of the demo organizations that accounts and tests refer to. */
    public static final String COUNTY_NAME = "中共修武县委";
    public static final String TOWNSHIP_NAME = "中共城关镇委员会";
    public static final String VILLAGE_NAME = "中共城关镇东关村支部委员会";
    public static final String OTHER_TOWNSHIP_NAME = "中共七贤镇委员会";
    public static final String OTHER_VILLAGE_NAME = "中共七贤镇西王村支部委员会";

    private final long seed;
    private final LocalDate today;

    public DemoDataGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    /**
     * The demo county with {@code members} members: 320 organizations from 10,000 members up, fewer for smaller
     * demos (3.2% of the member count, at least 60), so that branches keep realistic sizes.
     */
    public RegionPlan county(int members) {
        int budget = Math.max(60, Math.min(320, (int) Math.round(members * 0.032)));
        OrgTreeBuilder builder = new OrgTreeBuilder(new SplittableRandom(seed), today);
        builder.demoCounty(budget);
        List<OrgSpec> orgs = builder.finish(members, 2);
        return new RegionPlan(orgs, Places.JIAOZUO.areaCodes(), seed, today);
    }

    /** Root names of the benchmark cities, in the order {@link #city(int, int, int)} numbers them. */
    public static List<String> cityCommitteeNames() {
        return Places.BENCHMARK_CITIES.stream().map(c -> "中共" + c.name() + "委").toList();
    }

    public static int cityCount() {
        return Places.BENCHMARK_CITIES.size();
    }

    /**
     * City number {@code cityIndex} (0 = 洛阳, 1 = 新乡, 2 = 南阳) with exactly {@code orgs} organizations (at least
     * 400) and {@code members} members. Each city uses only its own county codes in ID numbers, so different cities
     * (and the demo county) never share an ID number.
     */
    public RegionPlan city(int cityIndex, int orgs, int members) {
        if (orgs < 400) {
            throw new IllegalArgumentException("a city needs at least 400 organizations");
        }
        City city = Places.BENCHMARK_CITIES.get(cityIndex);
        OrgTreeBuilder builder = new OrgTreeBuilder(new SplittableRandom(PersonFactory.mix(seed, cityIndex + 1)), today);
        builder.city(city, orgs);
        int oversized = Math.max(2, orgs / 1_500);
        List<OrgSpec> specs = builder.finish(members, oversized);
        return new RegionPlan(specs, city.areaCodes(), PersonFactory.mix(seed, cityIndex + 101), today);
    }

    /**
     * The province (中共河南省委 over its seventeen cities) with exactly {@code orgs} organizations and {@code members}
     * members, for the province benchmark; its ID numbers use every city's county codes, so it must not share a
     * database with a benchmark city or the demo county.
     */
    public RegionPlan province(int orgs, int members) {
        List<Places.City> cities = Places.provinceCities();
        if (orgs < 400 * cities.size()) {
            throw new IllegalArgumentException("a province needs at least " + 400 * cities.size() + " organizations");
        }
        OrgTreeBuilder builder = new OrgTreeBuilder(new SplittableRandom(PersonFactory.mix(seed, 41)), today);
        builder.province(cities, orgs);
        List<OrgSpec> specs = builder.finish(members, Math.max(2, orgs / 1_500));
        return new RegionPlan(specs, cities.stream().flatMap(c -> c.areaCodes().stream()).toList(),
                PersonFactory.mix(seed, 141), today);
    }

    public static String provinceCommitteeName() {
        return "中共" + Places.PROVINCE + "委";
    }
}
