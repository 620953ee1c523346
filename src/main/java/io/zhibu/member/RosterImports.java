package io.zhibu.member;

import io.zhibu.audit.AuditLog;
import io.zhibu.member.internal.MemberRepository;
import io.zhibu.member.internal.MemberRow;
import io.zhibu.member.internal.RosterFileReader;
import io.zhibu.member.internal.RosterImportRepository;
import io.zhibu.member.internal.RosterRowParser;
import io.zhibu.member.internal.RosterRowParser.OrgLookup;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 名册导入 roster import (rules.md §9.1, R9.4): upload → validate every row (nothing written) → report per row and
 * column → commit all rows, or explicitly only the valid ones, in ONE transaction (a crash leaves nothing).
 * Idempotent by ID number: rows already registered with the same name in scope are "unchanged".
 * The file is streamed twice (validate, commit); memory holds the ID numbers seen and the problems, never the rows.
 */
@Service
public class RosterImports {
    private static final int CHUNK = 1000;
    /** Members per Registered event of a commit. */
    private static final int EVENT_BLOCK = 20_000;
    private static final int MAX_KEPT_ISSUES = 100_000;

    private final MemberRepository members;
    private final RosterImportRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxBytes;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RosterImports.class);
    private final Path dir;

    private final io.zhibu.shared.upload.UploadCheck uploads;

    public RosterImports(MemberRepository members, RosterImportRepository repo,
                         OrgService orgs, AuditLog audit, ApplicationEventPublisher events, MessageSource messages,
                         PlatformTransactionManager txm, Clock clock,
                         @Value("${zhibu.import.max-bytes:41943040}") long maxBytes,
                         io.zhibu.shared.upload.UploadCheck uploads) throws IOException {
        this.uploads = uploads;
        this.members = members;
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.dir = Files.createTempDirectory("zhibu-import");
    }

    private io.zhibu.shared.jobs.LongJobs longJobs;

    /** Job-run records and the job statement timeout (optional: unit tests build the service by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setLongJobs(io.zhibu.shared.jobs.LongJobs longJobs) {
        this.longJobs = longJobs;
    }

    /** An upload and what became of it; one per file, owned by the uploader. */
    private static final class Job {
        final String token = UUID.randomUUID().toString();
        final String owner;
        final Path file;
        final String fileName;
        final Instant created = Instant.now();
        final AtomicInteger processed = new AtomicInteger();
        final BitSet invalidRows = new BitSet();
        final BitSet unchangedRows = new BitSet();
        final Map<Integer, List<ImportIssue>> issuesByRow = new HashMap<>();
        volatile ImportProgress.Phase phase = ImportProgress.Phase.UPLOADED;
        volatile int total;
        volatile ImportReport report;
        volatile ImportResult result;
        volatile String failure;

        Job(String owner, Path file, String fileName) {
            this.owner = owner;
            this.file = file;
            this.fileName = fileName;
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
        }
    }

    /** Stores an upload (at most {@code zhibu.import.max-bytes}) and returns its token. */
    public String upload(DataScope scope, InputStream in, String fileName) {
        requireImporter(scope);
        expireOldJobs();
        String name = fileName == null ? "roster" : Path.of(fileName).getFileName().toString();
        if (name.length() > 100) {
            name = name.substring(name.length() - 100);
        }
        try {
            Path file = Files.createTempFile(dir, "upload", ".bin");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        out.close();
                        Files.deleteIfExists(file);
                        throw InvalidInputException.of("file", "import.file.tooLarge", maxBytes / 1024 / 1024);
                    }
                    out.write(buf, 0, n);
                }
            }
            // the shared upload checker: an .xlsx is read as a zip stream with entry, size and ratio limits before the
            // reader parses it (a zip bomb is refused here); type and encoding problems are the report's (FileProblem)
            if (isZip(file)) {
                try {
                    uploads.checkSheet("file", file, name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? name : name + ".xlsx");
                } catch (InvalidInputException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
            }
            Job job = new Job(scope.username(), file, name);
            jobs.put(job.token, job);
            return job.token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ImportProgress progress(DataScope scope, String token) {
        Job j = job(scope, token);
        return new ImportProgress(j.token, j.phase, j.processed.get(), j.total, j.report, j.result, j.failure);
    }

    /** Validates every row; writes nothing. */
    public ImportReport validate(DataScope scope, String token, Locale locale) {
        Job job = job(scope, token);
        synchronized (job) {
            if (job.report != null) {
                return job.report;
            }
            job.phase = ImportProgress.Phase.VALIDATING;
        }
        try {
            ImportReport r = doValidate(scope, job, locale);
            job.report = r;
            job.phase = ImportProgress.Phase.VALIDATED;
            return r;
        } catch (RuntimeException e) {
            job.phase = ImportProgress.Phase.FAILED;
            job.failure = "import.failed";
            throw e;
        }
    }

    private ImportReport doValidate(DataScope scope, Job job, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        RosterRowParser parser = new RosterRowParser(today, orgLookup(scope));
        Map<String, Integer> seenIds = new HashMap<>();
        List<Object[]> pending = new ArrayList<>(CHUNK); // rowNumber, blind index, name
        int[] counts = new int[2]; // rows, issues
        try {
            RosterFileReader.read(job.file, job.fileName, (rowNumber, values, formula) -> {
                counts[0]++;
                job.processed.incrementAndGet();
                RosterRowParser.Parsed p = parser.parse(values, formula);
                if (p.row() == null) {
                    for (var i : p.issues()) {
                        counts[1] += addIssue(job, rowNumber, i.column().header(), i.key(), i.args(), locale);
                    }
                    return;
                }
                Integer first = seenIds.putIfAbsent(p.row().idNumber(), rowNumber);
                if (first != null) {
                    counts[1] += addIssue(job, rowNumber, RosterColumn.ID_NUMBER.header(), "import.idNumber.duplicateInFile",
                            new Object[] {first}, locale);
                    return;
                }
                pending.add(new Object[] {rowNumber, members.idIndex(p.row().idNumber()), p.row().name()});
                if (pending.size() == CHUNK) {
                    counts[1] += checkRegistered(scope, job, pending, locale);
                }
            });
        } catch (RosterFileReader.FileProblem e) {
            job.invalidRows.clear();
            job.issuesByRow.clear();
            String msg = messages.getMessage(e.key(), e.args(), e.key(), locale);
            return new ImportReport(job.token, job.fileName, 0, 0, 0, 0, true, 1, List.of(new ImportIssue(0, null, msg)));
        }
        counts[1] += checkRegistered(scope, job, pending, locale);
        if (counts[0] == 0) {
            String msg = messages.getMessage("import.file.noRows", null, locale);
            return new ImportReport(job.token, job.fileName, 0, 0, 0, 0, true, 1, List.of(new ImportIssue(0, null, msg)));
        }
        int invalid = job.invalidRows.cardinality();
        int unchanged = job.unchangedRows.cardinality();
        List<ImportIssue> listed = job.issuesByRow.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparingInt(ImportIssue::row)).limit(ImportReport.MAX_LISTED).toList();
        return new ImportReport(job.token, job.fileName, counts[0], counts[0] - invalid - unchanged, invalid, unchanged,
                false, counts[1], listed);
    }

    /** Duplicates against the database, one query per chunk: same person in scope = unchanged, else an error. */
    private int checkRegistered(DataScope scope, Job job, List<Object[]> pending, Locale locale) {
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, String[]> found = repo.registered(pending.stream().map(p -> (String) p[1]).toList());
        int issues = 0;
        for (Object[] p : pending) {
            String[] hit = found.get((String) p[1]);
            if (hit == null) {
                continue;
            }
            int row = (Integer) p[0];
            if (hit[0].equals(p[2]) && scope.covers(hit[1])) {
                job.unchangedRows.set(row);
            } else {
                issues += addIssue(job, row, RosterColumn.ID_NUMBER.header(), "member.idNumber.duplicate", new Object[0], locale);
            }
        }
        pending.clear();
        return issues;
    }

    private int addIssue(Job job, int row, String column, String key, Object[] args, Locale locale) {
        job.invalidRows.set(row);
        if (job.issuesByRow.size() < MAX_KEPT_ISSUES) {
            job.issuesByRow.computeIfAbsent(row, r -> new ArrayList<>())
                    .add(new ImportIssue(row, column, messages.getMessage(key, args, key, locale)));
        }
        return 1;
    }

    /**
     * Writes the validated file in one transaction: every row, or with {@code validRowsOnly} the valid ones.
     * Refused (409) while rows are invalid and the user did not choose the valid rows only.
     */
    public ImportResult commit(DataScope scope, String token, boolean validRowsOnly) {
        Job job = job(scope, token);
        synchronized (job) {
            if (job.result != null) {
                return job.result; // committing twice changes nothing
            }
            ImportReport report = job.report;
            if (report == null || job.phase != ImportProgress.Phase.VALIDATED) {
                throw new ConflictException("import.notValidated");
            }
            if (report.fileError()) {
                throw new ConflictException("import.fileInvalid");
            }
            if (report.invalid() > 0 && !validRowsOnly) {
                throw new ConflictException("import.invalidRows", report.invalid());
            }
            job.phase = ImportProgress.Phase.IMPORTING;
            job.processed.set(0);
            job.total = report.valid();
        }
        long start = System.nanoTime();
        try {
            // one transaction: a crash leaves no row of it; the run row says FAILED after the restart (JobRecovery)
            int inserted = io.zhibu.shared.jobs.LongJobs.run(longJobs, "roster.import", scope.username() + " " + job.fileName,
                    tx, status -> insertAll(scope, job));
            ImportResult r = new ImportResult(token, inserted, job.report.unchanged(), job.report.invalid(),
                    (System.nanoTime() - start) / 1_000_000);
            job.result = r;
            job.phase = ImportProgress.Phase.DONE;
            return r;
        } catch (RuntimeException e) {
            job.phase = ImportProgress.Phase.FAILED;
            job.failure = e instanceof org.springframework.dao.DuplicateKeyException ? "import.raced" : "import.failed";
            if (e instanceof org.springframework.dao.DuplicateKeyException) {
                throw new ConflictException("import.raced");
            }
            throw e;
        }
    }

    /**
     * Two stages that overlap on the cores: a reader thread streams the file, parses and seals the rows and renders
     * their COPY lines (pure CPU, no writes), handing sealed chunks over a short queue; this thread, which holds the
     * transaction, loads each chunk and feeds the projections. At most {@code 2 + 2} chunks are in memory at once.
     */
    private int insertAll(DataScope scope, Job job) {
        LocalDate today = LocalDate.now(clock);
        Loader loader = new Loader(scope, today, job);
        Sealer sealer = new Sealer(new RosterRowParser(today, orgLookup(scope)), job);
        Thread reader = Thread.ofPlatform().daemon().name("roster-import-reader").start(sealer);
        long start = System.nanoTime();
        try {
            for (Sealed chunk = sealer.next(); chunk != null; chunk = sealer.next()) {
                loader.load(chunk);
            }
        } finally {
            sealer.stop();
            reader.interrupt();
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loader.announce();
        log.info("roster import {}: {} rows in {} ms; reading and sealing {} ms (overlapped; {} ms of it waiting for the"
                        + " loading), loading {} ms ({} ms of it waiting for the reading), projections {} ms",
                job.token, loader.inserted, (System.nanoTime() - start) / 1_000_000, sealer.nanos / 1_000_000,
                sealer.handNanos / 1_000_000, loader.loadNanos / 1_000_000, sealer.nextNanos / 1_000_000,
                loader.announceNanos / 1_000_000);
        audit.success("member.import", "member", null, scope.orgPath(),
                job.fileName + ": " + loader.inserted + " new, " + job.report.unchanged() + " unchanged, "
                        + job.report.invalid() + " invalid rows left out");
        return loader.inserted;
    }

    /**
     * A chunk of rows with their sealed records, in file order, and on PostgreSQL each record's COPY line
     * ({@link RosterImportRepository#copyLine}; null elsewhere).
     */
    private record Sealed(List<MemberRow> rows, List<io.zhibu.db.tables.records.MemberMemberRecord> records,
                          List<byte[]> lines) {
    }

    /**
     * The reading stage: parse the rows to write, seal them (SM4, HMAC-SM3, pinyin) and render their COPY lines, on
     * this one thread. It needs about a third of the loading stage's time, so it keeps ahead of the loading without
     * taking a second core from the database, which does most of the work (one backend: one transaction).
     */
    private final class Sealer implements Runnable {
        private static final Object END = new Object();
        private final RosterRowParser parser;
        private final Job job;
        private final boolean copyLines = repo.copies();
        private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(2);
        private volatile boolean stopped;
        volatile long nanos;
        /** Time this stage waited for room in the queue, and the loading stage waited for a chunk. */
        volatile long handNanos;
        long nextNanos;

        Sealer(RosterRowParser parser, Job job) {
            this.parser = parser;
            this.job = job;
        }

        @Override
        public void run() {
            long t0 = System.nanoTime();
            try {
                List<List<MemberRow>> batch = new ArrayList<>(List.of(new ArrayList<>(CHUNK)));
                RosterFileReader.read(job.file, job.fileName, (rowNumber, values, formula) -> {
                    if (job.invalidRows.get(rowNumber) || job.unchangedRows.get(rowNumber)) {
                        return;
                    }
                    RosterRowParser.Parsed p = parser.parse(values, formula);
                    if (p.row() == null) {
                        throw new IllegalStateException("row " + rowNumber + " changed since validation");
                    }
                    batch.getFirst().add(p.row());
                    if (batch.getFirst().size() == CHUNK) {
                        hand(seal(batch.getFirst()));
                        batch.set(0, new ArrayList<>(CHUNK));
                    }
                });
                if (!batch.getFirst().isEmpty()) {
                    hand(seal(batch.getFirst()));
                }
                hand(END);
            } catch (RosterFileReader.FileProblem e) {
                handFailure(new IllegalStateException("the stored upload became unreadable", e));
            } catch (Stopped e) {
                // the loading stage gave up; nothing to hand over
            } catch (RuntimeException | Error e) {
                handFailure(e);
            } finally {
                nanos = System.nanoTime() - t0;
            }
        }

        private Sealed seal(List<MemberRow> rows) {
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
            List<io.zhibu.db.tables.records.MemberMemberRecord> records = new ArrayList<>(rows.size());
            List<byte[]> lines = copyLines ? new ArrayList<>(rows.size()) : null;
            for (MemberRow m : rows) {
                var r = members.newRecord(m, now);
                records.add(r);
                if (lines != null) {
                    lines.add(RosterImportRepository.copyLine(r));
                }
            }
            return new Sealed(rows, records, lines);
        }

        private void hand(Object o) {
            long t0 = System.nanoTime();
            try {
                while (!queue.offer(o, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        throw new Stopped();
                    }
                }
            } catch (InterruptedException e) {
                throw new Stopped();
            } finally {
                handNanos += System.nanoTime() - t0;
            }
        }

        private void handFailure(Throwable t) {
            queue.clear();
            queue.offer(t);
        }

        /** The next sealed chunk, or null at the end of the file; a failure of the reading stage is rethrown. */
        Sealed next() {
            Object o;
            long t0 = System.nanoTime();
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", e);
            } finally {
                nextNanos += System.nanoTime() - t0;
            }
            if (o == END) {
                return null;
            }
            if (o instanceof RuntimeException e) {
                throw e;
            }
            if (o instanceof Error e) {
                throw e;
            }
            return (Sealed) o;
        }

        void stop() {
            stopped = true;
            queue.clear();
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * The loading stage, inside the commit's transaction: each sealed chunk in one round trip per table, the member
     * ids drawn from the sequence a block of {@link #EVENT_BLOCK} at a time; the other modules' projections are fed
     * per block of {@link #EVENT_BLOCK} members (bounded memory, and a few large set-based updates instead of many
     * small ones).
     */
    private final class Loader {
        private final DataScope scope;
        private final LocalDate today;
        private final Job job;
        private final List<MemberEvents.MemberFacts> facts = new ArrayList<>(EVENT_BLOCK);
        private final RosterImportRepository.Ids memberIds = repo.ids(EVENT_BLOCK);
        int inserted;
        long loadNanos;
        long announceNanos;

        Loader(DataScope scope, LocalDate today, Job job) {
            this.scope = scope;
            this.today = today;
            this.job = job;
        }

        void load(Sealed chunk) {
            long t0 = System.nanoTime();
            List<Long> ids = repo.insertBatch(chunk.records(), chunk.lines(), memberIds, today, scope.username());
            loadNanos += System.nanoTime() - t0;
            for (int i = 0; i < ids.size(); i++) {
                facts.add(chunk.rows().get(i).registeredAs(ids.get(i)));
            }
            inserted += ids.size();
            job.processed.set(inserted);
            if (facts.size() >= EVENT_BLOCK) {
                announce();
            }
        }

        /** Registered for the members loaded since the last block (dues, study and points rows, rollup marks). */
        void announce() {
            if (facts.isEmpty()) {
                return;
            }
            long t0 = System.nanoTime();
            events.publishEvent(new MemberEvents.Registered(List.copyOf(facts)));
            facts.clear();
            announceNanos += System.nanoTime() - t0;
        }
    }

    private java.util.function.Function<String, OrgLookup> orgLookup(DataScope scope) {
        Map<String, OrgLookup> cache = new HashMap<>();
        return code -> cache.computeIfAbsent(code, c -> {
            try {
                Organization o = orgs.getByCode(scope, c);
                if (!o.active() || !o.type().holdsMembers()) {
                    return new OrgLookup.Refused("member.org.notABranch");
                }
                return new OrgLookup.Found(o);
            } catch (NotFoundException e) {
                return new OrgLookup.Refused("import.org.unknown");
            }
        });
    }

    // --- spreadsheets --------------------------------------------------------------------------------------------

    /** The empty roster template: the Chinese header row, and a sheet explaining the accepted values. */
    public void writeTemplate(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Zhibu", "1.0");
        Worksheet ws = wb.newWorksheet("党员花名册");
        RosterColumn[] cols = RosterColumn.values();
        for (int c = 0; c < cols.length; c++) {
            ws.value(0, c, cols[c].header());
            ws.style(0, c).bold().fillColor("F8D7DA").set();
            ws.width(c, cols[c] == RosterColumn.ID_NUMBER ? 22 : 14);
        }
        Worksheet help = wb.newWorksheet("填写说明");
        String[][] notes = {
            {"姓名", "必填"}, {"性别", "男 / 女（可空，须与身份证号一致）"}, {"民族", "代码（01）或名称（汉族）"},
            {"公民身份号码", "必填，18 位，请设为文本格式"}, {"出生日期", "可空，须与身份证号一致；日期格式 2020-01-31"},
            {"学历", "代码（21）或名称（大学本科）"}, {"人员类别", "代码或名称"},
            {"所在党组织代码", "必填，须为本人管理范围内的党支部代码"}, {"所在党组织名称", "仅供阅读，导入时忽略"},
            {"党员类别", "正式党员 / 预备党员"}, {"入党日期", "必填"}, {"转正日期", "可空；入党日期 + 12 个月（延长预备期 6–12 个月）"},
            {"联系电话", "11 位手机号"}, {"党籍状态", "正常（停止党籍请导入后在档案变动中登记）"},
            {"是否流动党员 / 是否失联党员", "是 / 否"}, {"公式", "不接受公式单元格"}};
        for (int r = 0; r < notes.length; r++) {
            help.value(r, 0, notes[r][0]);
            help.value(r, 1, notes[r][1]);
        }
        help.width(0, 26);
        help.width(1, 60);
        wb.finish();
    }

    /** The invalid rows as uploaded, with the faulty cells marked and the problems in a last column. */
    public void writeErrors(DataScope scope, String token, OutputStream out) throws IOException {
        Job job = job(scope, token);
        if (job.report == null) {
            throw new ConflictException("import.notValidated");
        }
        Workbook wb = new Workbook(out, "Zhibu", "1.0");
        Worksheet ws = wb.newWorksheet("错误报告");
        RosterColumn[] cols = RosterColumn.values();
        ws.value(0, 0, "行号");
        for (int c = 0; c < cols.length; c++) {
            ws.value(0, c + 1, cols[c].header());
        }
        ws.value(0, cols.length + 1, "错误说明");
        ws.range(0, 0, 0, cols.length + 1).style().bold().set();
        int[] r = {1};
        if (job.report.fileError()) {
            ws.value(1, 0, 0);
            ws.value(1, cols.length + 1, job.report.issues().getFirst().message());
        } else {
            try {
                RosterFileReader.read(job.file, job.fileName, (rowNumber, values, formula) -> {
                    if (!job.invalidRows.get(rowNumber)) {
                        return;
                    }
                    int row = r[0]++;
                    ws.value(row, 0, rowNumber);
                    List<ImportIssue> issues = job.issuesByRow.getOrDefault(rowNumber, List.of());
                    Map<String, Boolean> bad = new LinkedHashMap<>();
                    issues.forEach(i -> bad.put(i.column(), true));
                    for (int c = 0; c < cols.length; c++) {
                        if (values[c] != null) {
                            ws.value(row, c + 1, io.zhibu.shared.upload.SpreadsheetCells.safe(values[c]));
                        }
                        if (bad.containsKey(cols[c].header())) {
                            ws.style(row, c + 1).fillColor("FFC7CE").set();
                        }
                    }
                    ws.value(row, cols.length + 1, String.join("；", issues.stream()
                            .map(i -> i.column() + "：" + i.message()).toList()));
                    if (row % 1000 == 0) {
                        try {
                            ws.flush();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            } catch (RosterFileReader.FileProblem e) {
                ws.value(r[0], cols.length + 1, e.key());
            }
        }
        wb.finish();
    }

    // ------------------------------------------------------------------------------------------------------------

    private Job job(DataScope scope, String token) {
        requireImporter(scope);
        Job j = token == null ? null : jobs.get(token);
        if (j == null || !j.owner.equals(scope.username())) {
            throw new NotFoundException("import", token);
        }
        return j;
    }

    private void expireOldJobs() {
        Instant limit = Instant.now().minusSeconds(2 * 3600);
        jobs.values().removeIf(j -> {
            if (j.created.isBefore(limit) && !(j.phase == ImportProgress.Phase.VALIDATING || j.phase == ImportProgress.Phase.IMPORTING)) {
                try {
                    Files.deleteIfExists(j.file);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
                return true;
            }
            return false;
        });
    }

    private static void requireImporter(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot import");
        }
    }
}
