package io.zhibu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.member.RosterColumn;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RosterImportApiTest extends IntegrationTest {
    private static final String HEADER = Arrays.stream(RosterColumn.values()).map(RosterColumn::header)
            .collect(Collectors.joining(","));
    private Api secretary;
    private Uploads files;
    private String branchCode;
    private String foreignCode;

    @BeforeEach
    void setUp() {
        secretary = as("secretary");
        files = new Uploads(port, "secretary");
        long branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
        Api admin = as("admin");
        branchCode = admin.get("/api/v1/orgs/" + branchId).at("/code").asText();
        var facts = io.zhibu.support.DemoFacts.discover(admin, secretary, as("township"));
        foreignCode = admin.get("/api/v1/orgs/" + facts.foreignBranchId()).at("/code").asText();
    }

    static String uniqueName() {
        String chars = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜";
        StringBuilder b = new StringBuilder("导");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 3; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    /** A CSV row in the template's column order. */
    static String row(String name, String id, String orgCode, String category, String joinedOn) {
        String[] v = new String[RosterColumn.values().length];
        Arrays.fill(v, "");
        v[RosterColumn.NAME.ordinal()] = name;
        v[RosterColumn.ETHNICITY.ordinal()] = "汉族";
        v[RosterColumn.ID_NUMBER.ordinal()] = id;
        v[RosterColumn.ORG_CODE.ordinal()] = orgCode;
        v[RosterColumn.CATEGORY.ordinal()] = category;
        v[RosterColumn.JOINED_ON.ordinal()] = joinedOn;
        v[RosterColumn.PHONE.ordinal()] = "13912345678";
        v[RosterColumn.EDUCATION.ordinal()] = "大学本科";
        return String.join(",", v);
    }

    static byte[] csv(String... rows) {
        return ("\uFEFF" + HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String badChecksum(String id) {
        char last = id.charAt(17);
        return id.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    private long countByName(String name) {
        return secretary.get("/api/v1/members?size=1&q=" + Api.enc(name)).at("/total").asLong();
    }

    @Test
    void invalidRowsBlockTheImportUntilFixedOrValidOnlyChosen() throws IOException {
        String good = uniqueName();
        String bad = uniqueName();
        String future = uniqueName();
        String goodId = TestIds.fresh(true);
        byte[] file = csv(row(good, goodId, branchCode, "正式党员", "2012-07-01"),
                row(bad, badChecksum(TestIds.fresh(true)), branchCode, "正式党员", "2012-07-01"),
                row(future, TestIds.fresh(true), branchCode, "预备党员", LocalDate.now().plusDays(3).toString()),
                row(uniqueName(), TestIds.fresh(false), foreignCode, "正式党员", "2012-07-01"),
                row(uniqueName(), goodId, branchCode, "正式党员", "2012-07-01"));
        Uploads.Result r = files.upload("/api/v1/members/imports", "roster.csv", file);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.at("/rows").asInt()).isEqualTo(5);
        assertThat(r.at("/invalid").asInt()).isEqualTo(4);
        assertThat(r.at("/valid").asInt()).isEqualTo(1);
        List<String> issues = new ArrayList<>();
        r.json().get("issues").forEach(i -> issues.add(i.get("row").asInt() + ":" + i.get("column").asText()));
        assertThat(issues).contains("3:公民身份号码", "4:入党日期", "5:所在党组织代码", "6:公民身份号码");
        String token = r.at("/token").asText();

        Uploads.Result refused = files.post("/api/v1/members/imports/" + token + "/commit");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(countByName(good)).as("nothing written").isZero();

        byte[] report = files.download("/api/v1/members/imports/" + token + "/errors.xlsx", 200);
        assertThat(sheetRows(report)).hasSize(5); // header + 4 invalid rows

        Uploads.Result partial = files.post("/api/v1/members/imports/" + token + "/commit?validRowsOnly=true");
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.at("/inserted").asInt()).isEqualTo(1);
        assertThat(countByName(good)).isEqualTo(1);
        long id = secretary.get("/api/v1/members?size=1&q=" + Api.enc(good)).at("/items/0/id").asLong();
        assertThat(secretary.get("/api/v1/members/" + id + "/events").json().get(0).get("type").asText()).isEqualTo("IMPORTED");
        // the other modules' projections of the new member were written in the same transaction
        assertThat(secretary.get("/api/v1/dues/accounts/" + id).status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/points/members/" + id).status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/learning/hours/members/" + id).status()).isEqualTo(200);
    }

    @Test
    void aMemberRegisteredDuringTheCommitLeavesNothingOfTheFile() {
        String name = uniqueName();
        String[] rows = new String[2500]; // three chunks: the clash is in the last, after two were loaded
        String lastId = null;
        for (int i = 0; i < rows.length; i++) {
            lastId = TestIds.fresh(i % 2 == 0);
            rows[i] = row(name, lastId, branchCode, "正式党员", "2012-07-01");
        }
        Uploads.Result r = files.upload("/api/v1/members/imports", "race.csv", csv(rows));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.at("/valid").asInt()).isEqualTo(rows.length);
        long branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
        Api.Response meanwhile = secretary.post("/api/v1/members", "{\"orgId\":" + branchId + ",\"name\":\"冯抢先\",\"idNumber\":\""
                + lastId + "\",\"ethnicity\":\"01\",\"category\":\"FULL\",\"joinedOn\":\"2012-07-01\"}");
        assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(201);

        Uploads.Result commit = files.post("/api/v1/members/imports/" + r.at("/token").asText() + "/commit");
        assertThat(commit.status()).as(commit.body()).isEqualTo(409);
        assertThat(countByName(name)).as("one transaction: the chunks loaded before the clash are gone too").isZero();
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        String a = uniqueName();
        String b = uniqueName();
        byte[] file = csv(row(a, TestIds.fresh(true), branchCode, "正式党员", "2012-07-01"),
                row(b, TestIds.fresh(false), branchCode, "预备党员", LocalDate.now().minusMonths(2).toString()));
        Uploads.Result first = files.upload("/api/v1/members/imports", "r.csv", file);
        assertThat(first.at("/valid").asInt()).isEqualTo(2);
        assertThat(files.post("/api/v1/members/imports/" + first.at("/token").asText() + "/commit").at("/inserted").asInt()).isEqualTo(2);
        assertThat(files.post("/api/v1/members/imports/" + first.at("/token").asText() + "/commit").at("/inserted").asInt())
                .as("committing twice").isEqualTo(2);
        Uploads.Result again = files.upload("/api/v1/members/imports", "r.csv", file);
        assertThat(again.at("/unchanged").asInt()).isEqualTo(2);
        assertThat(again.at("/valid").asInt()).isZero();
        assertThat(files.post("/api/v1/members/imports/" + again.at("/token").asText() + "/commit").at("/inserted").asInt()).isZero();
        assertThat(countByName(a)).isEqualTo(1);
        assertThat(countByName(b)).isEqualTo(1);
    }

    @Test
    void badFilesAreRefusedAsAWhole() throws IOException {
        // wrong sheet: headers of something else
        Uploads.Result wrong = files.upload("/api/v1/members/imports", "x.csv", "名称,金额\n甲,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.at("/fileError").asBoolean()).isTrue();
        assertThat(wrong.body()).contains("No roster sheet");
        // truncated xlsx
        byte[] xlsx = xlsx(uniqueName(), false);
        byte[] cut = Arrays.copyOf(xlsx, xlsx.length / 2);
        Uploads.Result truncated = files.upload("/api/v1/members/imports", "cut.xlsx", cut);
        // issue 19: the zip container is checked whole before any parsing — a truncated one is refused at upload
        assertThat(truncated.status()).as(truncated.body()).isEqualTo(400);
        assertThat(truncated.at("/errors/0/field").asText()).isEqualTo("file");
        // a zip bomb dressed as a roster: refused by the ratio limit before the reader opens it
        Uploads.Result bomb = files.upload("/api/v1/members/imports", "bomb.xlsx", io.zhibu.support.TestFiles.xlsxBomb(64 << 20));
        assertThat(bomb.status()).as(bomb.body()).isEqualTo(400);
        assertThat(bomb.body()).contains("upload.zipRatio");
        // not a spreadsheet at all
        assertThat(files.upload("/api/v1/members/imports", "x.pdf", "%PDF-1.4".getBytes()).at("/fileError").asBoolean()).isTrue();
        // an unclosed quote in a CSV
        Uploads.Result quote = files.upload("/api/v1/members/imports", "q.csv", (HEADER + "\n\"张三,").getBytes(StandardCharsets.UTF_8));
        assertThat(quote.at("/fileError").asBoolean()).isTrue();
        // 50 MB
        Uploads.Result big = files.upload("/api/v1/members/imports", "big.csv", new byte[50 * 1024 * 1024]);
        assertThat(big.status()).as(big.body()).isEqualTo(413);
        assertThat(big.body()).contains("exceeds the limit");
    }

    @Test
    void xlsxWithAFormulaCellIsARowError() throws IOException {
        String name = uniqueName();
        Uploads.Result r = files.upload("/api/v1/members/imports", "f.xlsx", xlsx(name, true));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.at("/invalid").asInt()).isEqualTo(1);
        assertThat(r.at("/issues/0/column").asText()).isEqualTo("联系电话");
        assertThat(r.at("/issues/0/message").asText()).contains("Formula");
        Uploads.Result ok = files.upload("/api/v1/members/imports", "ok.xlsx", xlsx(name, false));
        assertThat(ok.at("/valid").asInt()).as(ok.body()).isEqualTo(1);
        assertThat(files.post("/api/v1/members/imports/" + ok.at("/token").asText() + "/commit").at("/inserted").asInt()).isEqualTo(1);
        assertThat(countByName(name)).isEqualTo(1);
    }

    @Test
    void exportIsMaskedUnlessRevealedAndImportsBackUnchanged() throws IOException {
        long branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
        byte[] masked = files.download("/api/v1/members/export.xlsx?orgId=" + branchId, 200);
        List<List<String>> rows = sheetRows(masked);
        assertThat(rows.getFirst()).containsExactlyElementsOf(Arrays.stream(RosterColumn.values()).map(RosterColumn::header).toList());
        long total = secretary.get("/api/v1/members?size=1").at("/total").asLong();
        assertThat(rows).hasSize((int) total + 1);
        assertThat(rows.get(1).get(RosterColumn.ID_NUMBER.ordinal())).contains("*");
        byte[] revealed = files.download("/api/v1/members/export.xlsx?orgId=" + branchId + "&reveal=true", 200);
        assertThat(sheetRows(revealed).get(1).get(RosterColumn.ID_NUMBER.ordinal())).matches("\\d{17}[\\dX]");
        assertThat(as("auditor").get("/api/v1/audit?action=member.export.reveal").body()).contains("member.export.reveal");
        Uploads.Result back = files.upload("/api/v1/members/imports", "export.xlsx", revealed);
        assertThat(back.at("/fileError").asBoolean()).as(back.body()).isFalse();
        assertThat(back.at("/valid").asInt()).as(back.body()).isZero();
        assertThat(back.at("/unchanged").asInt() + back.at("/invalid").asInt()).isEqualTo((int) total);
        files.download("/api/v1/members/imports/template.xlsx", 200);
    }

    private byte[] xlsx(String name, boolean formula) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        wb.newWorksheet("说明").value(0, 0, "这不是名册");
        Worksheet ws = wb.newWorksheet("名册");
        RosterColumn[] cols = RosterColumn.values();
        for (int c = 0; c < cols.length; c++) {
            ws.value(0, c, cols[c].header());
        }
        ws.value(1, RosterColumn.NAME.ordinal(), name);
        ws.value(1, RosterColumn.ETHNICITY.ordinal(), "01");
        ws.value(1, RosterColumn.ID_NUMBER.ordinal(), TestIds.fresh(false));
        ws.value(1, RosterColumn.ORG_CODE.ordinal(), branchCode);
        ws.value(1, RosterColumn.CATEGORY.ordinal(), "正式党员");
        ws.value(1, RosterColumn.JOINED_ON.ordinal(), LocalDate.of(2013, 3, 4));
        ws.style(1, RosterColumn.JOINED_ON.ordinal()).format("yyyy-mm-dd").set();
        if (formula) {
            ws.formula(1, RosterColumn.PHONE.ordinal(), "CONCAT(\"139\",\"12345678\")");
        } else {
            ws.value(1, RosterColumn.PHONE.ordinal(), 13912345678L);
        }
        wb.finish();
        return out.toByteArray();
    }

    static List<List<String>> sheetRows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells.add(r.getCellText(c));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
