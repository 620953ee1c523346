package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.db.tables.records.MemberMemberRecord;
import io.zhibu.member.AgeBand;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.MemberStanding;
import io.zhibu.org.MemberCounts;
import io.zhibu.shared.Gender;
import io.zhibu.shared.IdCardNumber;
import io.zhibu.shared.MobilePhone;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.PinyinInitials;
import io.zhibu.shared.crypto.FieldCipher;
import io.zhibu.shared.crypto.Hmacs;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the roster. Subtree = range on org_path (with the region key first in the index). */
@Repository
public class MemberRepository {
    private final DSLContext db;
    private final FieldCipher cipher;
    private final Hmacs hmacs;

    public MemberRepository(DSLContext db, FieldCipher cipher, Hmacs hmacs) {
        this.db = db;
        this.cipher = cipher;
        this.hmacs = hmacs;
    }

    public String idIndex(String idNumber) {
        return hmacs.blindIndex("member.id", idNumber, 64);
    }

    public String idTailIndex(String tail) {
        return hmacs.blindIndex("member.idtail", tail.toUpperCase(), 16);
    }

    public String phoneIndex(String phone) {
        return hmacs.blindIndex("member.phone", phone, 64);
    }

    /**
     * The subtree as an index range: the region key (the path's first segment, the top-level ancestor) leads the
     * index (region_org_id, org_path, id), then the path range.
     */
    public static Condition subtree(String path) {
        return path.isEmpty() ? DSL.noCondition()
                : MEMBER_MEMBER.REGION_ORG_ID.eq(OrgPath.idAt(path, 1))
                        .and(MEMBER_MEMBER.ORG_PATH.ge(path)).and(MEMBER_MEMBER.ORG_PATH.lt(OrgPath.upperBound(path)));
    }

    public Optional<MemberMemberRecord> find(long id) {
        return db.selectFrom(MEMBER_MEMBER).where(MEMBER_MEMBER.ID.eq(id)).fetchOptional();
    }

    public Optional<Long> idOfIdNumber(String idNumber) {
        return db.select(MEMBER_MEMBER.ID).from(MEMBER_MEMBER).where(MEMBER_MEMBER.ID_NUMBER_BIDX.eq(idIndex(idNumber)))
                .fetchOptional(MEMBER_MEMBER.ID);
    }

    public Condition filter(String scopePath, Long selfMemberId, String subtreePath, MemberFilter f, LocalDate today) {
        List<Condition> c = new ArrayList<>();
        c.add(subtree(scopePath));
        c.add(MEMBER_MEMBER.EXIT_TYPE.isNull()); // exited members (出党, 死亡) leave the active roster
        if (selfMemberId != null) {
            c.add(MEMBER_MEMBER.ID.eq(selfMemberId));
        }
        if (subtreePath != null) {
            c.add(subtree(subtreePath));
        }
        if (f.category() != null) {
            c.add(MEMBER_MEMBER.CATEGORY.eq(f.category()));
        }
        if (f.gender() != null) {
            c.add(MEMBER_MEMBER.GENDER.eq(f.gender().code()));
        }
        if (f.education() != null && !f.education().isBlank()) {
            c.add(MEMBER_MEMBER.EDUCATION.eq(f.education()));
        }
        if (f.joinYear() != null) {
            c.add(MEMBER_MEMBER.JOINED_ON.ge(LocalDate.of(f.joinYear(), 1, 1))
                    .and(MEMBER_MEMBER.JOINED_ON.lt(LocalDate.of(f.joinYear() + 1, 1, 1))));
        }
        if (f.ageBand() != null) {
            AgeBand b = f.ageBand();
            c.add(MEMBER_MEMBER.BIRTH_DATE.le(today.minusYears(b.min()))
                    .and(MEMBER_MEMBER.BIRTH_DATE.gt(today.minusYears(b.max() + 1L))));
        }
        if (f.q() != null && !f.q().isBlank()) {
            c.add(queryCondition(f.q().strip()));
        }
        return DSL.and(c);
    }

    /** q: full ID number, mobile number, last 4 of the ID, pinyin initials, or part of the name. */
    private Condition queryCondition(String q) {
        if (q.matches("\\d{17}[\\dXx]")) {
            return MEMBER_MEMBER.ID_NUMBER_BIDX.eq(idIndex(q.toUpperCase()));
        }
        if (q.matches("1[3-9]\\d{9}")) {
            return MEMBER_MEMBER.PHONE_BIDX.eq(phoneIndex(q));
        }
        if (q.matches("\\d{3}[\\dXx]")) {
            return MEMBER_MEMBER.ID_TAIL_BIDX.eq(idTailIndex(q));
        }
        if (q.matches("[A-Za-z]{1,20}")) {
            return initialsStartWith(q.toLowerCase());
        }
        return nameContains(q);
    }

    /**
     * Part of the name. On PostgreSQL the names holding every character pair of {@code q} (or its one character) come
     * from the GIN index {@code member_member_name_grams_ix} (Flyway db/vendor/postgresql V33_1), and LIKE re-checks
     * them; H2 scans with LIKE alone.
     */
    private Condition nameContains(String q) {
        Condition like = MEMBER_MEMBER.NAME.contains(q);
        if (db.dialect().family() != org.jooq.SQLDialect.POSTGRES) {
            return like;
        }
        return DSL.condition("member_name_grams({0}) @> cast({1} as text[])", MEMBER_MEMBER.NAME,
                DSL.val(nameGrams(q), org.jooq.impl.SQLDataType.VARCHAR.array())).and(like);
    }

    /** The character pairs of {@code q} (its one character when it has one), by code point like PostgreSQL's substr. */
    static String[] nameGrams(String q) {
        int[] cp = q.codePoints().toArray();
        if (cp.length == 1) {
            return new String[] {q};
        }
        java.util.Set<String> grams = new java.util.LinkedHashSet<>();
        for (int i = 0; i + 1 < cp.length; i++) {
            grams.add(new String(cp, i, 2));
        }
        return grams.toArray(String[]::new);
    }

    /**
     * Pinyin initials starting with {@code prefix} (lower-case letters) as a range, not a LIKE: a B-tree range serves
     * it under every collation, where LIKE 'wjg%' needs the C collation or a pattern operator class on PostgreSQL.
     */
    static Condition initialsStartWith(String prefix) {
        Condition from = MEMBER_MEMBER.NAME_INITIALS.ge(prefix);
        String upper = nextPrefix(prefix);
        return upper == null ? from : from.and(MEMBER_MEMBER.NAME_INITIALS.lt(upper));
    }

    /** The smallest string after every string starting with {@code prefix} ("wjg" → "wjh", "wz" → "x"), or null. */
    static String nextPrefix(String prefix) {
        String p = prefix;
        while (!p.isEmpty() && p.charAt(p.length() - 1) == 'z') {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? null : p.substring(0, p.length() - 1) + (char) (p.charAt(p.length() - 1) + 1);
    }

    public long count(Condition c) {
        return db.fetchCount(MEMBER_MEMBER, c);
    }

    /** A page and the number of all rows matching (-1 when the page came back empty and the total is unknown). */
    public record PageWithTotal(List<MemberMemberRecord> rows, long total) {
    }

    /**
     * A page and the total of a selective filter in one statement ({@code count(*) over ()}): for a search that finds a
     * few hundred names, the rows are read once instead of once for the page and once for the count. Not for broad
     * filters (a whole roster), where the page is read in index order and stops after {@code size} rows.
     */
    public PageWithTotal pageWithTotal(Condition c, int page, int size) {
        Field<Integer> total = DSL.count().over().as("total_found");
        var result = db.select(MEMBER_MEMBER.asterisk(), total).from(MEMBER_MEMBER).where(c)
                .orderBy(MEMBER_MEMBER.REGION_ORG_ID, MEMBER_MEMBER.ORG_PATH, MEMBER_MEMBER.ID)
                .limit(size).offset((long) page * size).fetch();
        if (result.isEmpty()) {
            return new PageWithTotal(List.of(), page == 0 ? 0 : -1);
        }
        long n = result.getFirst().get(total);
        return new PageWithTotal(result.map(r -> r.into(MEMBER_MEMBER)), n);
    }

    public List<MemberMemberRecord> page(Condition c, int page, int size) {
        return db.selectFrom(MEMBER_MEMBER).where(c).orderBy(MEMBER_MEMBER.REGION_ORG_ID, MEMBER_MEMBER.ORG_PATH, MEMBER_MEMBER.ID)
                .limit(size).offset((long) page * size).fetch();
    }

    public long insert(MemberRow m) {
        MemberMemberRecord r = db.newRecord(MEMBER_MEMBER);
        apply(r, m);
        OffsetDateTime now = now();
        r.setStanding(MemberStanding.NORMAL);
        r.setVersion(0);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.store();
        return r.getId();
    }

    /** A new roster record with sealed fields, ready to insert (used by the roster import's JDBC batch). */
    public MemberMemberRecord newRecord(MemberRow m, OffsetDateTime now) {
        MemberMemberRecord r = new MemberMemberRecord();
        apply(r, m);
        r.setStanding(MemberStanding.NORMAL);
        r.setVersion(0);
        r.setInTransit(false);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        return r;
    }

    public boolean update(long id, int expectedVersion, MemberRow m) {
        MemberMemberRecord r = new MemberMemberRecord();
        apply(r, m);
        r.setVersion(expectedVersion + 1);
        r.setUpdatedAt(now());
        r.changed(MEMBER_MEMBER.ID, false);
        r.changed(MEMBER_MEMBER.CREATED_AT, false);
        r.changed(MEMBER_MEMBER.STANDING, false);
        // on Citus the region key is not rewritten but named: the UPDATE goes to the member's shard, and an edit that
        // would move the member to another region finds no row (refused like a concurrent change)
        boolean citus = io.zhibu.shared.db.Citus.enabled();
        if (citus) {
            r.changed(MEMBER_MEMBER.REGION_ORG_ID, false);
        }
        return db.update(MEMBER_MEMBER).set(r)
                .where(MEMBER_MEMBER.ID.eq(id)).and(MEMBER_MEMBER.VERSION.eq(expectedVersion))
                .and(citus ? MEMBER_MEMBER.REGION_ORG_ID.eq(m.regionOrgId()) : DSL.noCondition()).execute() == 1;
    }

    private void apply(MemberMemberRecord r, MemberRow m) {
        r.setOrgId(m.orgId());
        r.setOrgPath(m.orgPath());
        r.setRegionOrgId(m.regionOrgId());
        r.setName(m.name());
        r.setNameInitials(PinyinInitials.of(m.name()));
        r.setGender(m.gender().code());
        r.setEthnicity(m.ethnicity());
        r.setBirthDate(m.birthDate());
        r.setIdNumberEnc(cipher.encrypt(m.idNumber()));
        r.setIdNumberBidx(idIndex(m.idNumber()));
        r.setIdTailBidx(idTailIndex(m.idNumber().substring(14)));
        r.setIdNumberMasked(IdCardNumber.mask(m.idNumber()));
        r.setPhoneEnc(cipher.encrypt(m.phone()));
        r.setPhoneBidx(m.phone() == null ? null : phoneIndex(m.phone()));
        r.setPhoneMasked(MobilePhone.mask(m.phone()));
        r.setAddressEnc(cipher.encrypt(m.address()));
        r.setEducation(m.education());
        r.setPersonCategory(m.personCategory());
        r.setJobTitle(m.jobTitle());
        r.setCategory(m.category());
        r.setJoinedOn(m.joinedOn());
        r.setFullMemberOn(m.fullMemberOn());
        r.setProbationExtensionMonths(m.probationExtensionMonths());
        r.setFlowMember(m.flowMember());
        r.setFlowDestination(m.flowDestination());
        r.setLostContact(m.lostContact());
        r.setLostContactOn(m.lostContactOn());
    }

    public String decrypt(String sealed) {
        return cipher.decrypt(sealed);
    }

    public MemberCounts counts(Condition c) {
        Record3<Integer, Integer, Integer> r = db.select(DSL.count(),
                        DSL.count().filterWhere(MEMBER_MEMBER.CATEGORY.eq(MemberCategory.FULL)),
                        DSL.count().filterWhere(MEMBER_MEMBER.CATEGORY.eq(MemberCategory.PROBATIONARY)))
                .from(MEMBER_MEMBER).where(c).and(MEMBER_MEMBER.EXIT_TYPE.isNull()).fetchOne();
        return new MemberCounts(r.value1(), r.value2(), r.value3());
    }

    /** Full members (not exited) per directly holding organization under a subtree: one GROUP BY. */
    public java.util.Map<Long, Long> fullMembersByOrg(String path) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (var r : db.select(MEMBER_MEMBER.ORG_ID, DSL.count()).from(MEMBER_MEMBER).where(subtree(path))
                .and(MEMBER_MEMBER.EXIT_TYPE.isNull()).and(MEMBER_MEMBER.CATEGORY.eq(MemberCategory.FULL))
                .groupBy(MEMBER_MEMBER.ORG_ID).fetch()) {
            out.put(r.value1(), r.value2().longValue());
        }
        return out;
    }

    /** Members (not exited) per directly holding organization under a subtree: one GROUP BY. */
    public java.util.Map<Long, Long> membersByOrg(String path) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (var r : db.select(MEMBER_MEMBER.ORG_ID, DSL.count()).from(MEMBER_MEMBER).where(subtree(path))
                .and(MEMBER_MEMBER.EXIT_TYPE.isNull()).groupBy(MEMBER_MEMBER.ORG_ID).fetch()) {
            out.put(r.value1(), r.value2().longValue());
        }
        return out;
    }

    public long countIds(Collection<Long> ids, String path, boolean fullInGoodStanding) {
        Condition c = MEMBER_MEMBER.ID.in(ids).and(subtree(path)).and(MEMBER_MEMBER.EXIT_TYPE.isNull());
        if (fullInGoodStanding) {
            c = c.and(MEMBER_MEMBER.CATEGORY.eq(MemberCategory.FULL))
                    .and(MEMBER_MEMBER.STANDING.eq(MemberStanding.NORMAL));
        }
        return db.fetchCount(MEMBER_MEMBER, c);
    }

    /** Members in good standing of a subtree, in roster order, as light lines (one query). */
    public List<io.zhibu.member.RosterLine> rosterLines(String path) {
        var m = MEMBER_MEMBER;
        return db.select(m.ID, m.ORG_ID, m.ORG_PATH, m.REGION_ORG_ID, m.NAME, m.CATEGORY, m.JOINED_ON).from(m)
                .where(subtree(path)).and(m.EXIT_TYPE.isNull()).and(m.STANDING.eq(MemberStanding.NORMAL))
                .orderBy(m.ORG_PATH, m.ID)
                .fetch(r -> new io.zhibu.member.RosterLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    public List<Long> idsOfOrg(long orgId) {
        return db.select(MEMBER_MEMBER.ID).from(MEMBER_MEMBER).where(MEMBER_MEMBER.ORG_ID.eq(orgId)).fetch(MEMBER_MEMBER.ID);
    }

    public void moveToOrg(Collection<Long> ids, long orgId, String orgPath, long regionOrgId) {
        db.update(MEMBER_MEMBER).set(MEMBER_MEMBER.ORG_ID, orgId).set(MEMBER_MEMBER.ORG_PATH, orgPath)
                .set(MEMBER_MEMBER.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(MEMBER_MEMBER.REGION_ORG_ID, regionOrgId)).set(MEMBER_MEMBER.GROUP_ORG_ID, (Long) null)
                .set(MEMBER_MEMBER.VERSION, MEMBER_MEMBER.VERSION.plus(1)).set(MEMBER_MEMBER.UPDATED_AT, now())
                .where(MEMBER_MEMBER.ID.in(ids)).execute();
    }

    public void mergeOrg(long sourceOrgId, long targetOrgId, String targetPath, long regionOrgId) {
        db.update(MEMBER_MEMBER).set(MEMBER_MEMBER.ORG_ID, targetOrgId).set(MEMBER_MEMBER.ORG_PATH, targetPath)
                .set(MEMBER_MEMBER.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(MEMBER_MEMBER.REGION_ORG_ID, regionOrgId)).set(MEMBER_MEMBER.GROUP_ORG_ID, (Long) null)
                .set(MEMBER_MEMBER.VERSION, MEMBER_MEMBER.VERSION.plus(1)).set(MEMBER_MEMBER.UPDATED_AT, now())
                .where(MEMBER_MEMBER.ORG_ID.eq(sourceOrgId)).execute();
    }

    public void rePath(String oldPath, String newPath, long regionOrgId) {
        Field<String> moved = DSL.concat(DSL.val(newPath), DSL.substring(MEMBER_MEMBER.ORG_PATH, oldPath.length() + 1));
        db.update(MEMBER_MEMBER).set(MEMBER_MEMBER.ORG_PATH, moved).set(MEMBER_MEMBER.REGION_ORG_ID, io.zhibu.shared.db.Citus.region(MEMBER_MEMBER.REGION_ORG_ID, regionOrgId))
                .set(MEMBER_MEMBER.UPDATED_AT, now()).where(subtree(oldPath)).execute();
    }

    public static Gender gender(MemberMemberRecord r) {
        return Gender.ofCode(r.getGender());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
