package io.zhibu.dues;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.DuesAccountRecord;
import io.zhibu.dues.internal.DuesRepository;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.IdCardNumber;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Violation;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 工资表导入: sets the dues base of every member of a branch from a payroll sheet (.xlsx or UTF-8 .csv). The first
 * row names the columns: the ID-number column (身份证号), an optional category column (类别, a {@link DuesCategory}
 * name, default EMPLOYED) and income items. R5.1: every numeric item counts in the base except the configured
 * excluded items; the configured deducted items (default: personal income tax only) are subtracted.
 */
@Service
public class PayrollImport {
    public static final int MAX_ROWS = 5000;
    private final DuesRepository repo;
    private final DuesCalculator calculator;
    private final MemberDirectory directory;
    private final OrgService orgs;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Set<String> idColumns;
    private final Set<String> excluded;
    private final Set<String> deducted;
    private final BaseRecompute recompute;

    private final io.zhibu.shared.upload.UploadCheck uploads;

    public PayrollImport(DuesRepository repo, DuesCalculator calculator, MemberDirectory directory, OrgService orgs,
                         AuditLog audit, TransactionTemplate tx, Clock clock,
                         DuesProperties settings,
                         io.zhibu.shared.upload.UploadCheck uploads) {
        this.uploads = uploads;
        this.recompute = settings.recompute();
        this.repo = repo;
        this.calculator = calculator;
        this.directory = directory;
        this.orgs = orgs;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.idColumns = settings.payroll().idColumns();
        this.excluded = settings.payroll().excluded();
        this.deducted = settings.payroll().deducted();
    }

    /** What the import did: bases set, and rows whose ID number is not a member of the branch (masked). */
    public record Result(int rows, int updated, List<String> unmatched) {
    }

    public Result importSheet(DataScope scope, long orgId, String filename, byte[] content) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("only the treasurer may import payroll");
        }
        Organization org = orgs.get(scope, orgId);
        uploads.check("file", filename, content, io.zhibu.shared.upload.FileType.SHEETS); // zip limits before parsing
        List<List<String>> table = read(filename, content);
        for (int r = 0; r < table.size(); r++) {
            for (String v : table.get(r)) {
                // a formula-like cell (= + - @ tab CR) is never data; no cell longer than a spreadsheet cell
                if (io.zhibu.shared.upload.SpreadsheetCells.isFormula(v)) {
                    throw InvalidInputException.of("row" + (r + 1), "upload.formula");
                }
                if (v != null && v.length() > io.zhibu.shared.upload.SpreadsheetCells.MAX_CELL_CHARS) {
                    throw InvalidInputException.of("row" + (r + 1), "upload.cellTooLong",
                            io.zhibu.shared.upload.SpreadsheetCells.MAX_CELL_CHARS);
                }
            }
        }
        if (table.size() < 2) {
            throw InvalidInputException.of("file", "dues.payroll.empty");
        }
        List<String> head = table.get(0).stream().map(String::strip).toList();
        int idCol = -1;
        int catCol = -1;
        for (int c = 0; c < head.size(); c++) {
            if (idColumns.contains(head.get(c))) {
                idCol = c;
            } else if (head.get(c).equals("类别") || head.get(c).equalsIgnoreCase("category")) {
                catCol = c;
            }
        }
        if (idCol < 0) {
            throw InvalidInputException.of("file", "dues.payroll.noIdColumn");
        }
        // validate every row before the first write
        record Line(int row, String idNumber, DuesCategory category, BigDecimal base) {
        }
        List<Line> lines = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        for (int r = 1; r < table.size() && r <= MAX_ROWS; r++) {
            List<String> cells = table.get(r);
            String id = cell(cells, idCol);
            if (id.isEmpty()) {
                continue;
            }
            BigDecimal base = BigDecimal.ZERO;
            DuesCategory category = DuesCategory.EMPLOYED;
            for (int c = 0; c < head.size(); c++) {
                String v = cell(cells, c);
                if (c == idCol || excluded.contains(head.get(c)) || head.get(c).isEmpty() || v.isEmpty()) {
                    continue;
                }
                if (c == catCol) {
                    try {
                        category = DuesCategory.valueOf(v);
                    } catch (IllegalArgumentException e) {
                        errors.add(new Violation("file", "dues.payroll.badCategory", r + 1, v));
                    }
                    continue;
                }
                try {
                    BigDecimal amount = new BigDecimal(v.replace(",", ""));
                    base = deducted.contains(head.get(c)) ? base.subtract(amount) : base.add(amount); // R5.1
                } catch (NumberFormatException e) {
                    errors.add(new Violation("file", "dues.payroll.badNumber", r + 1, head.get(c)));
                }
            }
            lines.add(new Line(r + 1, id, category, base.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), 20)));
        }
        int year = YearMonth.now(clock).getYear();
        return tx.execute(s -> {
            int updated = 0;
            List<String> unmatched = new ArrayList<>();
            for (Line l : lines) {
                DuesAccountRecord a = directory.idByIdNumber(scope, l.idNumber()).flatMap(repo::account)
                        .filter(x -> x.getOrgId() == org.id()).orElse(null);
                if (a == null) {
                    unmatched.add(l.row() + ": " + mask(l.idNumber()));
                    continue;
                }
                DuesQuote q = calculator.quote(l.category(), l.category().incomeBased() ? l.base() : null);
                // R5.4: in annual mode a sheet imported after the year's base is billed from next year
                if (!repo.setBase(a.getMemberId(), a.getVersion(), l.category(), q.monthlyIncome(), q.amount(), year,
                        recompute.billsNow(a.getBaseYear(), year, false))) {
                    throw new ConflictException("error.concurrentChange");
                }
                updated++;
            }
            audit.success("dues.payroll", "org", org.id(), org.path(), filename + ": " + updated + " bases, "
                    + unmatched.size() + " unmatched");
            return new Result(lines.size(), updated, unmatched);
        });
    }

    private static String mask(String id) {
        return id.length() == 18 ? IdCardNumber.mask(id.toUpperCase()) : "***";
    }

    private static String cell(List<String> cells, int c) {
        return c < cells.size() && cells.get(c) != null ? cells.get(c).strip() : "";
    }

    private static List<List<String>> read(String filename, byte[] content) {
        String name = filename == null ? "" : filename.toLowerCase();
        try {
            if (name.endsWith(".xlsx")) {
                List<List<String>> out = new ArrayList<>();
                try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content));
                     var rows = wb.getFirstSheet().openStream()) {
                    rows.limit(MAX_ROWS + 1L).forEach((Row row) -> {
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < row.getCellCount(); c++) {
                            var cell = row.getCell(c);
                            cells.add(cell != null && cell.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA
                                    ? "=" : row.getCellText(c));
                        }
                        out.add(cells);
                    });
                }
                return out;
            }
            if (name.endsWith(".csv")) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content),
                        StandardCharsets.UTF_8))) {
                    return in.lines().limit(MAX_ROWS + 1L).map(l -> l.replace("\uFEFF", ""))
                            .map(l -> List.of(l.split(",", -1))).collect(Collectors.toList());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("file", "dues.payroll.unreadable");
        }
        throw InvalidInputException.of("file", "dues.payroll.format");
    }
}
