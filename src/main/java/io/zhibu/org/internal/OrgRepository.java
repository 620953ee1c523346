package io.zhibu.org.internal;

import static io.zhibu.db.Tables.ORG_CHANGE;
import static io.zhibu.db.Tables.ORG_ORGANIZATION;

import io.zhibu.db.tables.records.OrgOrganizationRecord;
import io.zhibu.org.OrgChangeEntry;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgStatus;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.OrgPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the org module; the subtree is always the range predicate on {@code path}. */
@Repository
public class OrgRepository {
    private final DSLContext db;

    public OrgRepository(DSLContext db) {
        this.db = db;
    }

    public static Condition inSubtree(Field<String> path, String root) {
        return root.isEmpty() ? DSL.noCondition() : path.ge(root).and(path.lt(OrgPath.upperBound(root)));
    }

    private Field<Boolean> hasChildren() {
        var c = ORG_ORGANIZATION.as("c");
        return DSL.field(DSL.exists(DSL.selectOne().from(c)
                .where(c.PARENT_ID.eq(ORG_ORGANIZATION.ID)).and(c.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))));
    }

    public Optional<Organization> find(long id) {
        return db.select(ORG_ORGANIZATION.asterisk(), hasChildren()).from(ORG_ORGANIZATION)
                .where(ORG_ORGANIZATION.ID.eq(id)).fetchOptional(r -> map(r.into(ORG_ORGANIZATION), r.get(r.size() - 1, Boolean.class)));
    }

    /** Every active organization, parents before children (ordered by path). */
    /** The given organizations if active (any order), with whether each has active children. */
    public java.util.List<io.zhibu.org.OrgNode> activeNodes(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        var o = ORG_ORGANIZATION;
        var child = ORG_ORGANIZATION.as("c");
        var hasChildren = DSL.field(DSL.exists(DSL.selectOne().from(child).where(child.PARENT_ID.eq(o.ID))
                .and(child.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))));
        return db.select(o.ID, o.PARENT_ID, o.PATH, o.DEPTH, o.NAME, o.TYPE, o.DOMAIN, hasChildren)
                .from(o).where(o.ID.in(ids)).and(o.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))
                .fetch(r -> new io.zhibu.org.OrgNode(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(),
                        Boolean.TRUE.equals(r.value8())));
    }

    public java.util.List<io.zhibu.org.OrgNode> activeNodes() {
        var rows = db.select(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.PARENT_ID, ORG_ORGANIZATION.PATH,
                        ORG_ORGANIZATION.DEPTH, ORG_ORGANIZATION.NAME, ORG_ORGANIZATION.TYPE, ORG_ORGANIZATION.DOMAIN)
                .from(ORG_ORGANIZATION).where(ORG_ORGANIZATION.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))
                .orderBy(ORG_ORGANIZATION.PATH).fetch();
        java.util.Set<Long> parents = new java.util.HashSet<>();
        rows.forEach(r -> { if (r.value2() != null) parents.add(r.value2()); });
        java.util.List<io.zhibu.org.OrgNode> out = new java.util.ArrayList<>(rows.size());
        for (var r : rows) {
            out.add(new io.zhibu.org.OrgNode(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                    r.value6(), r.value7(),
                    parents.contains(r.value1())));
        }
        return out;
    }

    public Optional<Organization> findByCode(String code) {
        return db.select(ORG_ORGANIZATION.asterisk(), hasChildren()).from(ORG_ORGANIZATION)
                .where(ORG_ORGANIZATION.CODE.eq(code)).fetchOptional(r -> map(r.into(ORG_ORGANIZATION), r.get(r.size() - 1, Boolean.class)));
    }

    public List<Organization> children(long parentId, boolean includeInactive) {
        return db.select(ORG_ORGANIZATION.asterisk(), hasChildren()).from(ORG_ORGANIZATION)
                .where(ORG_ORGANIZATION.PARENT_ID.eq(parentId))
                .and(includeInactive ? DSL.noCondition() : ORG_ORGANIZATION.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))
                .orderBy(ORG_ORGANIZATION.SORT_ORDER, ORG_ORGANIZATION.ID)
                .fetch(r -> map(r.into(ORG_ORGANIZATION), r.get(r.size() - 1, Boolean.class)));
    }

    public List<Organization> roots() {
        return db.select(ORG_ORGANIZATION.asterisk(), hasChildren()).from(ORG_ORGANIZATION)
                .where(ORG_ORGANIZATION.PARENT_ID.isNull()).and(ORG_ORGANIZATION.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))
                .orderBy(ORG_ORGANIZATION.SORT_ORDER, ORG_ORGANIZATION.ID)
                .fetch(r -> map(r.into(ORG_ORGANIZATION), r.get(r.size() - 1, Boolean.class)));
    }

    public List<Organization> search(String scopePath, String q, Collection<OrgType> types, int limit) {
        Condition c = inSubtree(ORG_ORGANIZATION.PATH, scopePath).and(ORG_ORGANIZATION.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE));
        if (q != null && !q.isBlank()) {
            c = c.and(ORG_ORGANIZATION.NAME.contains(q.strip()).or(ORG_ORGANIZATION.CODE.eq(q.strip())));
        }
        if (types != null && !types.isEmpty()) {
            c = c.and(ORG_ORGANIZATION.TYPE.in(types));
        }
        return db.select(ORG_ORGANIZATION.asterisk(), hasChildren()).from(ORG_ORGANIZATION).where(c)
                .orderBy(ORG_ORGANIZATION.PATH).limit(limit)
                .fetch(r -> map(r.into(ORG_ORGANIZATION), r.get(r.size() - 1, Boolean.class)));
    }

    public java.util.Map<Long, String> names(Collection<Long> ids) {
        return db.select(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.NAME).from(ORG_ORGANIZATION)
                .where(ORG_ORGANIZATION.ID.in(ids)).fetchMap(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.NAME);
    }

    public int activeChildCount(long id) {
        return db.fetchCount(ORG_ORGANIZATION, ORG_ORGANIZATION.PARENT_ID.eq(id)
                .and(ORG_ORGANIZATION.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE)));
    }

    public boolean codeExists(String code) {
        return db.fetchExists(ORG_ORGANIZATION, ORG_ORGANIZATION.CODE.eq(code));
    }

    /** Inserts and assigns the path from the generated id (two statements, one transaction). */
    public long insert(Organization parent, String name, OrgType type, OrgDomain domain, String code, String regionCode,
                       String hostUnitName, String creditCode, LocalDate establishedOn, String secretaryName,
                       LocalDate termStartedOn, Integer termYears) {
        OffsetDateTime now = now();
        OrgOrganizationRecord r = db.newRecord(ORG_ORGANIZATION);
        r.setParentId(parent == null ? null : parent.id());
        r.setPath("tmp" + java.util.UUID.randomUUID());
        r.setDepth(parent == null ? 1 : parent.depth() + 1);
        r.setCode(code == null ? "tmp" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 28) : code);
        r.setName(name);
        r.setType(type);
        r.setDomain(domain);
        r.setRegionCode(regionCode);
        r.setHostUnitName(hostUnitName);
        r.setHostUnitCreditCode(creditCode);
        r.setEstablishedOn(establishedOn);
        r.setStatus(OrgStatus.ACTIVE);
        r.setSecretaryName(secretaryName);
        r.setTermStartedOn(termStartedOn);
        r.setTermYears(termYears);
        r.setSortOrder(0);
        r.setVersion(0);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.store();
        long id = r.getId();
        String path = OrgPath.child(parent == null ? OrgPath.ROOT : parent.path(), id);
        r.setPath(path);
        r.setRegionOrgId(parent == null ? id : parent.regionOrgId());
        if (code == null) {
            r.setCode(String.format("ZB%08d", id));
        }
        r.store();
        return id;
    }

    /** Organizations by id (any order, any status), without the has-children flag. */
    public List<Organization> findAll(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : db.selectFrom(ORG_ORGANIZATION).where(ORG_ORGANIZATION.ID.in(ids))
                .fetch(r -> map(r, false));
    }

    /** One already-existing organization to register in bulk under a stored {@code parent} (null for a root). */
    public record Seeded(Organization parent, String name, OrgType type, OrgDomain domain, String code, String regionCode,
                         String hostUnitName, String creditCode, LocalDate establishedOn, String secretaryName,
                         LocalDate termStartedOn, Integer termYears) {
    }

    private static final List<Field<?>> SEED_FIELDS = List.of(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.REGION_ORG_ID,
            ORG_ORGANIZATION.PARENT_ID, ORG_ORGANIZATION.PATH, ORG_ORGANIZATION.DEPTH, ORG_ORGANIZATION.CODE,
            ORG_ORGANIZATION.NAME, ORG_ORGANIZATION.TYPE, ORG_ORGANIZATION.DOMAIN, ORG_ORGANIZATION.REGION_CODE,
            ORG_ORGANIZATION.HOST_UNIT_NAME, ORG_ORGANIZATION.HOST_UNIT_CREDIT_CODE, ORG_ORGANIZATION.ESTABLISHED_ON,
            ORG_ORGANIZATION.STATUS, ORG_ORGANIZATION.SECRETARY_NAME, ORG_ORGANIZATION.TERM_STARTED_ON,
            ORG_ORGANIZATION.TERM_YEARS, ORG_ORGANIZATION.SORT_ORDER, ORG_ORGANIZATION.VERSION,
            ORG_ORGANIZATION.CREATED_AT, ORG_ORGANIZATION.UPDATED_AT);
    private static final List<Field<?>> CHANGE_FIELDS = List.of(ORG_CHANGE.REGION_ORG_ID, ORG_CHANGE.ORG_ID,
            ORG_CHANGE.CHANGE_TYPE, ORG_CHANGE.EFFECTIVE_ON, ORG_CHANGE.NEW_VALUE, ORG_CHANGE.ACTOR, ORG_CHANGE.CREATED_AT);

    /**
     * Registers many organizations with their CREATED history rows; ids in input order. On PostgreSQL the ids come
     * from the identity sequence in one query and both tables are loaded with COPY (a province's 150,000 organizations
     * in seconds, where one insert-then-update per row takes minutes); elsewhere row by row.
     */
    public List<Long> insertSeeded(List<Seeded> rows, String actor) {
        if (rows.isEmpty()) {
            return List.of();
        }
        if (!io.zhibu.shared.db.BulkInsert.postgres(db)) {
            List<Long> ids = new java.util.ArrayList<>(rows.size());
            for (Seeded s : rows) {
                long id = insert(s.parent(), s.name(), s.type(), s.domain(), s.code(), s.regionCode(), s.hostUnitName(),
                        s.creditCode(), s.establishedOn(), s.secretaryName(), s.termStartedOn(), s.termYears());
                recordChange(find(id).orElseThrow(), "CREATED", s.establishedOn(), null, s.name(), null, actor);
                ids.add(id);
            }
            return ids;
        }
        long[] ids = io.zhibu.shared.db.BulkInsert.identityValues(db, "org_organization", rows.size());
        OffsetDateTime now = now();
        List<Object[]> orgRows = new java.util.ArrayList<>(rows.size());
        List<Object[]> changes = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Seeded s = rows.get(i);
            long id = ids[i];
            Organization p = s.parent();
            long region = p == null ? id : p.regionOrgId();
            String code = s.code() == null ? String.format("ZB%08d", id) : s.code();
            orgRows.add(new Object[] {id, region, p == null ? null : p.id(),
                    OrgPath.child(p == null ? OrgPath.ROOT : p.path(), id), p == null ? 1 : p.depth() + 1, code, s.name(),
                    s.type().name(), s.domain().name(), s.regionCode(), s.hostUnitName(), s.creditCode(), s.establishedOn(),
                    OrgStatus.ACTIVE.name(), s.secretaryName(), s.termStartedOn(), s.termYears(), 0, 0, now, now});
            changes.add(new Object[] {region, id, "CREATED", s.establishedOn(), truncate(s.name()), actor, now});
        }
        io.zhibu.shared.db.BulkInsert.rows(db, ORG_ORGANIZATION, SEED_FIELDS, orgRows);
        io.zhibu.shared.db.BulkInsert.rows(db, ORG_CHANGE, CHANGE_FIELDS, changes);
        return java.util.Arrays.stream(ids).boxed().toList();
    }

    public boolean rename(long id, String name, Integer expectedVersion) {
        return db.update(ORG_ORGANIZATION).set(ORG_ORGANIZATION.NAME, name)
                .set(ORG_ORGANIZATION.VERSION, ORG_ORGANIZATION.VERSION.plus(1))
                .set(ORG_ORGANIZATION.UPDATED_AT, now())
                .where(ORG_ORGANIZATION.ID.eq(id))
                .and(expectedVersion == null ? DSL.noCondition() : ORG_ORGANIZATION.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /** Re-roots the subtree at {@code oldPath} under {@code newPath}: one set-based update. */
    public void movePaths(String oldPath, String newPath, long newRegionOrgId) {
        int depthDelta = OrgPath.depth(newPath) - OrgPath.depth(oldPath);
        if (io.zhibu.shared.db.Citus.enabled()) { // the rows of other modules cannot change region there
            Long oldRegion = db.select(ORG_ORGANIZATION.REGION_ORG_ID).from(ORG_ORGANIZATION)
                    .where(ORG_ORGANIZATION.PATH.eq(oldPath)).fetchOne(ORG_ORGANIZATION.REGION_ORG_ID);
            if (oldRegion != null) {
                io.zhibu.shared.db.Citus.requireSameRegion(oldRegion, newRegionOrgId);
            }
        }
        db.update(ORG_ORGANIZATION)
                .set(ORG_ORGANIZATION.PATH, DSL.concat(DSL.val(newPath), DSL.substring(ORG_ORGANIZATION.PATH, oldPath.length() + 1)))
                .set(ORG_ORGANIZATION.DEPTH, ORG_ORGANIZATION.DEPTH.plus(depthDelta))
                .set(ORG_ORGANIZATION.REGION_ORG_ID, newRegionOrgId)
                .set(ORG_ORGANIZATION.VERSION, ORG_ORGANIZATION.VERSION.plus(1))
                .set(ORG_ORGANIZATION.UPDATED_AT, now())
                .where(inSubtree(ORG_ORGANIZATION.PATH, oldPath))
                .execute();
    }

    public void setParent(long id, long parentId) {
        db.update(ORG_ORGANIZATION).set(ORG_ORGANIZATION.PARENT_ID, parentId).where(ORG_ORGANIZATION.ID.eq(id)).execute();
    }

    public void close(long id, OrgStatus status, LocalDate on, String reason, Long mergedInto) {
        db.update(ORG_ORGANIZATION).set(ORG_ORGANIZATION.STATUS, status)
                .set(ORG_ORGANIZATION.DISSOLVED_ON, on)
                .set(ORG_ORGANIZATION.DISSOLVE_REASON, reason)
                .set(ORG_ORGANIZATION.MERGED_INTO_ID, mergedInto)
                .set(ORG_ORGANIZATION.VERSION, ORG_ORGANIZATION.VERSION.plus(1))
                .set(ORG_ORGANIZATION.UPDATED_AT, now())
                .where(ORG_ORGANIZATION.ID.eq(id)).execute();
    }

    public void recordChange(Organization org, String type, LocalDate on, String oldValue, String newValue,
                             String reason, String actor) {
        db.insertInto(ORG_CHANGE)
                .set(ORG_CHANGE.REGION_ORG_ID, org.regionOrgId())
                .set(ORG_CHANGE.ORG_ID, org.id())
                .set(ORG_CHANGE.CHANGE_TYPE, type)
                .set(ORG_CHANGE.EFFECTIVE_ON, on)
                .set(ORG_CHANGE.OLD_VALUE, truncate(oldValue))
                .set(ORG_CHANGE.NEW_VALUE, truncate(newValue))
                .set(ORG_CHANGE.REASON, reason)
                .set(ORG_CHANGE.ACTOR, actor)
                .set(ORG_CHANGE.CREATED_AT, now())
                .execute();
    }

    public List<OrgChangeEntry> history(long orgId) {
        return db.selectFrom(ORG_CHANGE).where(ORG_CHANGE.ORG_ID.eq(orgId)).orderBy(ORG_CHANGE.ID.desc())
                .fetch(r -> new OrgChangeEntry(r.getId(), r.getChangeType(), r.getEffectiveOn(), r.getOldValue(),
                        r.getNewValue(), r.getReason(), r.getActor(), r.getCreatedAt()));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static Organization map(OrgOrganizationRecord r, Boolean hasChildren) {
        return new Organization(r.getId(), r.getParentId(), r.getPath(), r.getDepth(), r.getCode(), r.getName(),
                r.getType(), r.getDomain(), r.getRegionCode(), r.getHostUnitName(),
                r.getHostUnitCreditCode(), r.getEstablishedOn(), r.getStatus(), r.getDissolvedOn(),
                r.getDissolveReason(), r.getMergedIntoId(), r.getSecretaryName(), r.getTermStartedOn(), r.getTermYears(),
                r.getRegionOrgId() == null ? r.getId() : r.getRegionOrgId(), r.getVersion(), Boolean.TRUE.equals(hasChildren));
    }
}
