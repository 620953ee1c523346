package io.zhibu.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A generated region: its organizations (parents before children, all in memory: a few MB even for a city) and
 * its members, generated lazily branch by branch so that even a city's 220,000 members never sit in memory at once.
 * Iterating the members again yields exactly the same members.
 */
public final class RegionPlan {
    private final List<OrgSpec> orgs;
    private final List<String> regionCodes;
    private final long seed;
    private final LocalDate today;
    private final int memberCount;

    RegionPlan(List<OrgSpec> orgs, List<String> regionCodes, long seed, LocalDate today) {
        this.orgs = List.copyOf(orgs);
        this.regionCodes = List.copyOf(regionCodes);
        this.seed = seed;
        this.today = today;
        this.memberCount = orgs.stream().mapToInt(OrgSpec::members).sum();
    }

    public List<OrgSpec> orgs() {
        return orgs;
    }

    public OrgSpec root() {
        return orgs.getFirst();
    }

    public int memberCount() {
        return memberCount;
    }

    /** The day the plan was generated for (ages, terms and probation are relative to it). */
    public LocalDate today() {
        return today;
    }

    /** GB/T 2260 codes used as ID-number prefixes. */
    public List<String> regionCodes() {
        return regionCodes;
    }

    public Optional<OrgSpec> byName(String name) {
        return orgs.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Members in chunks of at most {@code chunkSize}, in org order; a new, independent pass on every call. */
    public Iterator<List<MemberSpec>> memberChunks(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        PersonFactory factory = new PersonFactory(seed, today, regionCodes);
        return new Iterator<>() {
            private int nextOrg;
            private List<MemberSpec> pending = List.of();
            private int pendingAt;
            private int produced;

            @Override
            public boolean hasNext() {
                return produced < memberCount;
            }

            @Override
            public List<MemberSpec> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<MemberSpec> chunk = new ArrayList<>(Math.min(chunkSize, memberCount - produced));
                while (chunk.size() < chunkSize && produced < memberCount) {
                    if (pendingAt == pending.size()) {
                        OrgSpec org = orgs.get(nextOrg++);
                        pending = org.members() == 0 ? List.of() : factory.branch(org);
                        pendingAt = 0;
                        continue;
                    }
                    chunk.add(pending.get(pendingAt++));
                    produced++;
                }
                return chunk;
            }
        };
    }

    /** Every member at once (tests and small regions). */
    public List<MemberSpec> members() {
        List<MemberSpec> all = new ArrayList<>(memberCount);
        memberChunks(10_000).forEachRemaining(all::addAll);
        return all;
    }
}
