package io.zhibu.org.internal;

import static io.zhibu.db.Tables.ORG_ELECTION;
import static io.zhibu.db.Tables.ORG_ORGANIZATION;
import static io.zhibu.db.Tables.ORG_TERM;

import io.zhibu.db.tables.records.OrgElectionRecord;
import io.zhibu.db.tables.records.OrgTermRecord;
import io.zhibu.shared.OrgPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of committee terms and elections. */
@Repository
public class OrgTermRepository {
    private final DSLContext db;

    public OrgTermRepository(DSLContext db) {
        this.db = db;
    }

    public List<OrgTermRecord> terms(long orgId) {
        return db.selectFrom(ORG_TERM).where(ORG_TERM.ORG_ID.eq(orgId)).orderBy(ORG_TERM.ID.desc()).fetch();
    }

    public List<OrgElectionRecord> elections(long orgId) {
        return db.selectFrom(ORG_ELECTION).where(ORG_ELECTION.ORG_ID.eq(orgId)).orderBy(ORG_ELECTION.ID.desc()).fetch();
    }

    /** Closes the current term and opens the new one; the org row keeps the current term for the tree pages. */
    public long openTerm(OrgTermRecord t) {
        db.update(ORG_TERM).set(ORG_TERM.CURRENT_TERM, false).where(ORG_TERM.ORG_ID.eq(t.getOrgId()))
                .and(ORG_TERM.CURRENT_TERM.isTrue()).execute();
        t.setCurrentTerm(true);
        t.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        t.changed(ORG_TERM.ID, false);
        long id = db.insertInto(ORG_TERM).set(t).returning(ORG_TERM.ID).fetchOne().getId();
        db.update(ORG_ORGANIZATION).set(ORG_ORGANIZATION.TERM_STARTED_ON, t.getStartedOn())
                .set(ORG_ORGANIZATION.TERM_YEARS, t.getTermYears()).set(ORG_ORGANIZATION.SECRETARY_NAME, t.getSecretary())
                .set(ORG_ORGANIZATION.TERM_DEFERRED_UNTIL, (LocalDate) null) // R1.7: a deferral ends with the new term
                .set(ORG_ORGANIZATION.VERSION, ORG_ORGANIZATION.VERSION.plus(1))
                .set(ORG_ORGANIZATION.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(ORG_ORGANIZATION.ID.eq(t.getOrgId())).execute();
        return id;
    }

    public long insertElection(OrgElectionRecord e) {
        e.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        e.changed(ORG_ELECTION.ID, false);
        return db.insertInto(ORG_ELECTION).set(e).returning(ORG_ELECTION.ID).fetchOne().getId();
    }

    public void linkTerm(long electionId, long termId) {
        db.update(ORG_ELECTION).set(ORG_ELECTION.TERM_ID, termId).where(ORG_ELECTION.ID.eq(electionId)).execute();
    }

    /** Active orgs of a subtree with a recorded term whose end is on or before {@code until}: (id, name, start, years). */
    public List<Record6<Long, String, LocalDate, Integer, String, LocalDate>> termsInScope(String scopePath) {
        var c = scopePath.isEmpty() ? DSL.noCondition() : ORG_ORGANIZATION.PATH.ge(scopePath)
                .and(ORG_ORGANIZATION.PATH.lt(OrgPath.upperBound(scopePath)));
        return db.select(ORG_ORGANIZATION.ID, ORG_ORGANIZATION.NAME, ORG_ORGANIZATION.TERM_STARTED_ON,
                        ORG_ORGANIZATION.TERM_YEARS, ORG_ORGANIZATION.SECRETARY_NAME, ORG_ORGANIZATION.TERM_DEFERRED_UNTIL)
                .from(ORG_ORGANIZATION).where(c).and(ORG_ORGANIZATION.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))
                .and(ORG_ORGANIZATION.TERM_STARTED_ON.isNotNull()).and(ORG_ORGANIZATION.TERM_YEARS.isNotNull()).fetch();
    }
}
