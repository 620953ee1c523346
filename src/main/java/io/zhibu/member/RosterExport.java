package io.zhibu.member;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.MemberMemberRecord;
import io.zhibu.member.internal.MemberRepository;
import io.zhibu.member.internal.RosterImportRepository;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.Condition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党员花名册 export: the filtered roster as .xlsx in the import layout ({@link RosterColumn}), streamed row by row
 * (server-side cursor in, fastexcel flushes out), so 220,000 rows never sit in memory. ID number and phone are
 * masked unless the user asks to reveal and may; every export is audited, a revealing one as such.
 */
@Service
public class RosterExport {
    private final MemberRepository members;
    private final RosterImportRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;

    public RosterExport(MemberRepository members, RosterImportRepository repo, OrgService orgs, AuditLog audit,
                        Clock clock) {
        this.members = members;
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    /** The checks of {@link #export}, for callers that must answer 403/404 before the download starts. */
    @Transactional(readOnly = true)
    public void check(DataScope scope, MemberFilter filter, boolean reveal) {
        subtree(scope, filter == null ? MemberFilter.all() : filter, reveal);
    }

    /** Returns the number of rows written. */
    @Transactional(readOnly = true)
    public int export(DataScope scope, MemberFilter filter, boolean reveal, OutputStream out) throws IOException {
        MemberFilter f = filter == null ? MemberFilter.all() : filter;
        String subtree = subtree(scope, f, reveal);
        LocalDate today = LocalDate.now(clock);
        Condition c = members.filter(scope.orgPath(), scope.selfOnly() ? scope.selfMemberId() : null, subtree, f, today);
        Workbook wb = new Workbook(out, "Zhibu", "1.0");
        Worksheet ws = wb.newWorksheet("党员花名册");
        RosterColumn[] cols = RosterColumn.values();
        for (int i = 0; i < cols.length; i++) {
            ws.value(0, i, cols[i].header());
            ws.width(i, cols[i] == RosterColumn.ID_NUMBER ? 22 : 13);
        }
        ws.range(0, 0, 0, cols.length - 1).style().bold().fillColor("F8D7DA").set();
        Map<Long, Organization> orgCache = new HashMap<>();
        int[] row = {0};
        try {
            repo.stream(c, m -> {
                int r = ++row[0];
                Organization o = orgCache.computeIfAbsent(m.getOrgId(), id -> orgs.get(scope, id));
                write(ws, r, m, o, reveal);
                if (r % 1000 == 0) {
                    try {
                        ws.flush(); // hand finished rows to the output stream: memory stays flat
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        wb.finish();
        if (reveal) {
            audit.read("member.export.reveal", "member", null, scope.orgPath(), row[0] + " rows with ID number and phone");
        } else {
            audit.read("member.export", "member", null, scope.orgPath(), row[0] + " rows, masked");
        }
        return row[0];
    }

    private String subtree(DataScope scope, MemberFilter f, boolean reveal) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role cannot read the roster");
        }
        if (reveal && !scope.canReveal(scope.selfMemberId())) {
            throw new ForbiddenException("no right to reveal");
        }
        return f.orgId() == null ? null : orgs.get(scope, f.orgId()).path();
    }

    private void write(Worksheet ws, int r, MemberMemberRecord m, Organization o, boolean reveal) {
        ws.value(r, RosterColumn.NAME.ordinal(), io.zhibu.shared.upload.SpreadsheetCells.safe(m.getName()));
        ws.value(r, RosterColumn.GENDER.ordinal(), "1".equals(m.getGender()) ? "男" : "女");
        ws.value(r, RosterColumn.ETHNICITY.ordinal(), MemberCodes.label(MemberCodes.ETHNICITY, m.getEthnicity(), java.util.Locale.CHINA));
        ws.value(r, RosterColumn.ID_NUMBER.ordinal(), reveal ? members.decrypt(m.getIdNumberEnc()) : m.getIdNumberMasked());
        ws.value(r, RosterColumn.BIRTH_DATE.ordinal(), m.getBirthDate().toString());
        if (m.getEducation() != null) {
            ws.value(r, RosterColumn.EDUCATION.ordinal(), MemberCodes.label(MemberCodes.EDUCATION, m.getEducation(), java.util.Locale.CHINA));
        }
        if (m.getPersonCategory() != null) {
            ws.value(r, RosterColumn.PERSON_CATEGORY.ordinal(),
                    MemberCodes.label(MemberCodes.PERSON_CATEGORY, m.getPersonCategory(), java.util.Locale.CHINA));
        }
        ws.value(r, RosterColumn.ORG_CODE.ordinal(), o.code());
        ws.value(r, RosterColumn.ORG_NAME.ordinal(), io.zhibu.shared.upload.SpreadsheetCells.safe(o.name()));
        ws.value(r, RosterColumn.CATEGORY.ordinal(), m.getCategory() == MemberCategory.FULL ? "正式党员" : "预备党员");
        ws.value(r, RosterColumn.JOINED_ON.ordinal(), m.getJoinedOn().toString());
        if (m.getFullMemberOn() != null) {
            ws.value(r, RosterColumn.FULL_MEMBER_ON.ordinal(), m.getFullMemberOn().toString());
        }
        if (m.getJobTitle() != null) {
            ws.value(r, RosterColumn.JOB_TITLE.ordinal(), io.zhibu.shared.upload.SpreadsheetCells.safe(m.getJobTitle()));
        }
        String phone = reveal ? members.decrypt(m.getPhoneEnc()) : m.getPhoneMasked();
        if (phone != null) {
            ws.value(r, RosterColumn.PHONE.ordinal(), phone);
        }
        if (reveal && m.getAddressEnc() != null) {
            ws.value(r, RosterColumn.ADDRESS.ordinal(), io.zhibu.shared.upload.SpreadsheetCells.safe(members.decrypt(m.getAddressEnc())));
        }
        ws.value(r, RosterColumn.STANDING.ordinal(), m.getStanding() == MemberStanding.NORMAL ? "正常" : "停止党籍");
        ws.value(r, RosterColumn.FLOW.ordinal(), m.getFlowMember() ? "是" : "否");
        if (m.getFlowDestination() != null) {
            ws.value(r, RosterColumn.FLOW_DESTINATION.ordinal(), io.zhibu.shared.upload.SpreadsheetCells.safe(m.getFlowDestination()));
        }
        ws.value(r, RosterColumn.LOST_CONTACT.ordinal(), m.getLostContact() ? "是" : "否");
        if (m.getLostContactOn() != null) {
            ws.value(r, RosterColumn.LOST_CONTACT_ON.ordinal(), m.getLostContactOn().toString());
        }
    }
}
