package io.zhibu.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.member.RosterColumn;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgStatus;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.IdCardNumber;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date cells of a roster row: the template's ISO form takes a short path, every other form the patterns. */
class RosterRowParserTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Organization BRANCH = new Organization(3L, 2L, "000000010000000200000003", 3, "B001", "第一支部",
            OrgType.BRANCH, OrgDomain.values()[0], null, null, null, null, OrgStatus.values()[0], null, null, null, null,
            null, null, 1L, 0, false);
    final RosterRowParser parser = new RosterRowParser(TODAY, code -> new RosterRowParser.OrgLookup.Found(BRANCH));

    RosterRowParser.Parsed parse(String joinedOn) {
        String[] v = new String[RosterColumn.values().length];
        String first17 = "11010519800101003";
        v[RosterColumn.NAME.ordinal()] = "王建国";
        v[RosterColumn.ETHNICITY.ordinal()] = "01";
        v[RosterColumn.ID_NUMBER.ordinal()] = first17 + IdCardNumber.checkChar(first17);
        v[RosterColumn.ORG_CODE.ordinal()] = "B001";
        v[RosterColumn.CATEGORY.ordinal()] = "正式党员";
        v[RosterColumn.JOINED_ON.ordinal()] = joinedOn;
        boolean[] formula = new boolean[v.length];
        Arrays.fill(formula, false);
        return parser.parse(v, formula);
    }

    @ParameterizedTest(name = "入党日期 {0} → {1}")
    @CsvSource({"2012-07-01, 2012-07-01", "2012-7-1, 2012-07-01", "2012/07/01, 2012-07-01", "2012.7.01, 2012-07-01",
            "2012年7月1日, 2012-07-01", "20120701, 2012-07-01", "2016-02-29, 2016-02-29"})
    void acceptedForms(String cell, LocalDate expected) {
        RosterRowParser.Parsed p = parse(cell);
        assertThat(p.issues()).isEmpty();
        assertThat(p.row().joinedOn()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "入党日期 {0} → {1}")
    @CsvSource({"2012-13-01, import.cell.date", "2015-02-29, import.cell.date", "2012-07-0x, import.cell.date",
            "２０１２-07-01, import.cell.date", "2012-07-011, import.cell.date", "2012_07_01, import.cell.date",
            "2026-06-02, validation.futureDate"})
    void refusedForms(String cell, String key) {
        RosterRowParser.Parsed p = parse(cell);
        assertThat(p.row()).isNull();
        assertThat(p.issues()).extracting(RosterRowParser.CellIssue::column, RosterRowParser.CellIssue::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RosterColumn.JOINED_ON, key));
    }
}
