package io.zhibu.learning;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.LearningAttemptItemRecord;
import io.zhibu.db.tables.records.LearningAttemptRecord;
import io.zhibu.db.tables.records.LearningBankRecord;
import io.zhibu.db.tables.records.LearningLevelRecord;
import io.zhibu.db.tables.records.LearningMemberRecord;
import io.zhibu.db.tables.records.LearningQuestionRecord;
import io.zhibu.learning.LearningRecords.AnswerForm;
import io.zhibu.learning.LearningRecords.AttemptStatus;
import io.zhibu.learning.LearningRecords.AttemptView;
import io.zhibu.learning.LearningRecords.BankForm;
import io.zhibu.learning.LearningRecords.BankSummary;
import io.zhibu.learning.LearningRecords.BankView;
import io.zhibu.learning.LearningRecords.Feedback;
import io.zhibu.learning.LearningRecords.ImportResult;
import io.zhibu.learning.LearningRecords.LevelForm;
import io.zhibu.learning.LearningRecords.LevelStatus;
import io.zhibu.learning.LearningRecords.LevelView;
import io.zhibu.learning.LearningRecords.QuestionCard;
import io.zhibu.learning.LearningRecords.QuestionForm;
import io.zhibu.learning.LearningRecords.QuestionKind;
import io.zhibu.learning.LearningRecords.QuestionView;
import io.zhibu.learning.internal.Access;
import io.zhibu.learning.internal.LearningRepository;
import io.zhibu.learning.internal.QuizRepository;
import io.zhibu.learning.internal.Sheets;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 题库与闯关 question banks and the level game: banks of single, multiple and true/false questions (imported from
 * a sheet or edited online); a member passes each level to open the next, with questions drawn at random (no
 * repetition within an attempt), each timed by the server clock, and a daily attempt cap.
 */
@Service
public class QuizService {
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MAX_ROWS = 2000;
    private final LearningRepository repo;
    private final QuizRepository quiz;
    private final StudyRules rules;
    private final OrgService orgs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final io.zhibu.shared.upload.UploadCheck uploads;

    public QuizService(LearningRepository repo, QuizRepository quiz, StudyRules rules, OrgService orgs, AuditLog audit,
                       ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
                       io.zhibu.shared.upload.UploadCheck uploads) {
        this.uploads = uploads;
        this.repo = repo;
        this.quiz = quiz;
        this.rules = rules;
        this.orgs = orgs;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- banks

    public List<BankSummary> banks(DataScope scope) {
        Access.requireReader(scope);
        return tx.execute(s -> quiz.banks(scope.orgPath(), 200).stream().map(b -> summary(scope, b)).toList());
    }

    public BankSummary createBank(DataScope scope, BankForm f) {
        Access.requireManager(scope);
        Organization org = orgs.get(scope, f == null || f.orgId() == null ? MaterialService.scopeOrg(scope) : f.orgId());
        String name = TextInput.required(f == null ? null : f.name(), "name", 100);
        return tx.execute(s -> {
            LearningBankRecord b = quiz.newBank();
            b.setRegionOrgId(org.regionOrgId());
            b.setOrgId(org.id());
            b.setOrgPath(org.path());
            b.setName(name);
            b.setCreatedBy(scope.username());
            b.setCreatedAt(OffsetDateTime.now(clock));
            b.store();
            audit.success("learning.bank.create", "bank", b.getId(), org.path(), name);
            return summary(scope, b);
        });
    }

    /** The bank with its levels (and the member's progress) and, for those who edit it, every question with its key. */
    public BankView bank(DataScope scope, long bankId) {
        Access.requireReader(scope);
        return tx.execute(s -> {
            LearningBankRecord b = readable(scope, bankId);
            BankSummary sum = summary(scope, b);
            boolean manager = scope.canManageMembers();
            Set<Integer> passed = scope.selfOnly() ? passedLevels(Access.self(repo, scope).getMemberId(), bankId) : Set.of();
            List<LevelView> levels = new ArrayList<>();
            for (LearningLevelRecord l : levels(bankId)) {
                LevelStatus st = !scope.selfOnly() ? LevelStatus.OPEN : passed.contains(l.getLevelNo()) ? LevelStatus.PASSED
                        : l.getLevelNo() == 1 || passed.contains(l.getLevelNo() - 1) ? LevelStatus.OPEN : LevelStatus.LOCKED;
                levels.add(new LevelView(l.getLevelNo(), l.getQuestions(), l.getPassCorrect(), l.getSecondsPerQuestion(), st));
            }
            List<QuestionView> questions = manager ? quiz.questionsOfBank(bankId, 2000).stream()
                    .map(QuizService::question).toList() : List.of();
            int left = scope.selfOnly() ? Math.max(0, rules.dailyAttempts() - attemptsToday(scope.selfMemberId())) : 0;
            return new BankView(sum, levels, questions, left);
        });
    }

    // ---------------------------------------------------------------- questions: online editing and import

    public QuestionView addQuestion(DataScope scope, long bankId, QuestionForm f) {
        Access.requireManager(scope);
        Parsed p = parse(f);
        return tx.execute(s -> {
            LearningBankRecord b = editable(scope, bankId);
            LearningQuestionRecord q = quiz.newQuestion();
            q.setBankId(bankId);
            fill(q, p);
            q.setActive(true);
            q.setVersion(0);
            q.store();
            audit.success("learning.question.add", "bank", bankId, b.getOrgPath(), "question " + q.getId());
            return question(q);
        });
    }

    /** Edits a question (send the version read); a question in use keeps its id, so attempts stay readable. */
    public QuestionView updateQuestion(DataScope scope, long bankId, long questionId, QuestionForm f) {
        Access.requireManager(scope);
        Parsed p = parse(f);
        if (f.version() == null) {
            throw InvalidInputException.of("version", "validation.required");
        }
        return tx.execute(s -> {
            LearningBankRecord b = editable(scope, bankId);
            LearningQuestionRecord q = find(bankId, questionId);
            if (!q.getVersion().equals(f.version())) {
                throw new ConflictException("error.concurrentChange");
            }
            fill(q, p);
            q.setVersion(q.getVersion() + 1);
            q.update();
            audit.success("learning.question.edit", "bank", bankId, b.getOrgPath(), "question " + questionId);
            return question(q);
        });
    }

    /** One question of the bank, with its key (those who edit the bank). */
    public QuestionView question(DataScope scope, long bankId, long questionId) {
        Access.requireManager(scope);
        return tx.execute(s -> {
            editable(scope, bankId);
            return question(find(bankId, questionId));
        });
    }

    /**
     * Removes a question: deleted when no attempt and no test paper has used it, otherwise retired (inactive: never
     * drawn again, while past attempts and papers keep reading it).
     */
    public io.zhibu.learning.LearningRecords.QuestionRemoval removeQuestion(DataScope scope, long bankId, long questionId) {
        Access.requireManager(scope);
        return tx.execute(s -> {
            LearningBankRecord b = editable(scope, bankId);
            LearningQuestionRecord q = find(bankId, questionId);
            boolean used = quiz.questionUsed(bankId, questionId);
            var outcome = used ? io.zhibu.learning.LearningRecords.Removal.RETIRED : io.zhibu.learning.LearningRecords.Removal.DELETED;
            if (used) {
                q.setActive(false);
                q.setVersion(q.getVersion() + 1);
                q.update();
            } else {
                q.delete();
            }
            audit.success("learning.question.remove", "bank", bankId, b.getOrgPath(), "question " + questionId + " " + outcome);
            return new io.zhibu.learning.LearningRecords.QuestionRemoval(questionId, outcome);
        });
    }

    private LearningQuestionRecord find(long bankId, long questionId) {
        return quiz.question(bankId, questionId).orElseThrow(() -> new NotFoundException("question", questionId));
    }

    /** Retires (active = false: never drawn) or restores a question. */
    public void setActive(DataScope scope, long bankId, long questionId, boolean active) {
        Access.requireManager(scope);
        tx.executeWithoutResult(s -> {
            LearningBankRecord b = editable(scope, bankId);
            if (!quiz.setActive(bankId, questionId, active)) {
                throw new NotFoundException("question", questionId);
            }
            audit.success("learning.question.active", "bank", bankId, b.getOrgPath(), questionId + " active=" + active);
        });
    }

    /**
     * Imports questions from .xlsx or UTF-8 .csv with a header row: 题型, 题干, A…F (or 选项A…), 答案, 解析. Every
     * row is checked first; any bad row (e.g. no correct answer) is reported with its row number and nothing is written.
     */
    public ImportResult importQuestions(DataScope scope, long bankId, String fileName, byte[] content) {
        Access.requireManager(scope);
        tx.executeWithoutResult(s -> editable(scope, bankId));
        uploads.check("file", fileName, content, io.zhibu.shared.upload.FileType.SHEETS); // zip limits before parsing
        List<List<String>> table = Sheets.read(fileName, content, MAX_ROWS);
        if (table.size() < 2) {
            throw InvalidInputException.of("file", "learning.import.empty");
        }
        List<String> head = table.get(0).stream().map(h -> h == null ? "" : h.strip()).toList();
        int kindCol = col(head, "题型", "kind", "type");
        int stemCol = col(head, "题干", "题目", "stem", "question");
        int answerCol = col(head, "答案", "正确答案", "answer");
        int explCol = col(head, "解析", "explanation");
        int[] optCols = new int[6];
        for (int i = 0; i < 6; i++) {
            String l = String.valueOf(QuestionRules.LETTERS.charAt(i));
            optCols[i] = col(head, l, "选项" + l, "option" + l, "option_" + l.toLowerCase());
        }
        if (kindCol < 0 || stemCol < 0 || answerCol < 0) {
            throw InvalidInputException.of("file", "learning.import.columns");
        }
        List<Parsed> parsed = new ArrayList<>();
        List<Violation> errors = new ArrayList<>();
        int rows = 0;
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            rows++;
            int rowNo = r + 1;
            List<String> opts = new ArrayList<>();
            for (int c : optCols) {
                opts.add(c < 0 ? "" : Sheets.cell(cells, c));
            }
            try {
                parsed.add(parse(new QuestionForm(QuestionRules.kind(Sheets.cell(cells, kindCol)), Sheets.cell(cells, stemCol),
                        opts, Sheets.cell(cells, answerCol), explCol < 0 ? null : Sheets.cell(cells, explCol), null)));
            } catch (InvalidInputException e) {
                for (Violation v : e.violations()) {
                    errors.add(new Violation("row" + rowNo + "." + v.field(), v.code(), v.args()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), 20)));
        }
        if (parsed.isEmpty()) {
            throw InvalidInputException.of("file", "learning.import.empty");
        }
        int total = rows;
        return tx.execute(s -> {
            LearningBankRecord b = editable(scope, bankId);
            for (Parsed p : parsed) {
                LearningQuestionRecord q = quiz.newQuestion();
                q.setBankId(bankId);
                fill(q, p);
                q.setActive(true);
                q.setVersion(0);
                q.store();
            }
            audit.success("learning.bank.import", "bank", bankId, b.getOrgPath(), fileName + ": " + parsed.size() + " questions");
            return new ImportResult(parsed.size(), total);
        });
    }

    // ---------------------------------------------------------------- levels

    public LevelView setLevel(DataScope scope, long bankId, LevelForm f) {
        Access.requireManager(scope);
        List<Violation> errors = new ArrayList<>();
        int no = range(errors, "levelNo", f == null ? null : f.levelNo(), 1, 50);
        int n = range(errors, "questions", f == null ? null : f.questions(), 1, 50);
        int pass = range(errors, "passCorrect", f == null ? null : f.passCorrect(), 1, 50);
        int secs = range(errors, "secondsPerQuestion", f == null ? null : f.secondsPerQuestion(), 5, 600);
        if (errors.isEmpty() && pass > n) {
            errors.add(new Violation("passCorrect", "learning.level.passTooHigh", n));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return tx.execute(s -> {
            LearningBankRecord b = editable(scope, bankId);
            if (no > 1 && levels(bankId).stream().noneMatch(l -> l.getLevelNo() == no - 1)) {
                throw InvalidInputException.of("levelNo", "learning.level.gap", no - 1);
            }
            LearningLevelRecord l = quiz.levelOrNew(bankId, no);
            l.setQuestions(n);
            l.setPassCorrect(pass);
            l.setSecondsPerQuestion(secs);
            l.store();
            audit.success("learning.level", "bank", bankId, b.getOrgPath(), "level " + no + ": " + pass + "/" + n + ", " + secs + " s");
            return new LevelView(no, n, pass, secs, LevelStatus.OPEN);
        });
    }

    // ---------------------------------------------------------------- the game

    /**
     * Starts a level: it must be open (level 1, or the previous one passed), the daily attempt cap not reached, and
     * the bank must hold enough active questions; the questions are drawn now, at random, without repetition.
     */
    public AttemptView start(DataScope scope, long bankId, int levelNo) {
        Access.requireMember(scope);
        long id = tx.execute(s -> {
            LearningMemberRecord self = Access.self(repo, scope);
            // serializes one member's starts, so two clicks cannot pass the daily cap together
            quiz.lockMember(self.getMemberId());
            LearningBankRecord b = readable(scope, bankId);
            LearningLevelRecord level = levels(bankId).stream().filter(l -> l.getLevelNo() == levelNo).findFirst()
                    .orElseThrow(() -> new NotFoundException("level", levelNo));
            Set<Integer> passed = passedLevels(self.getMemberId(), bankId);
            if (levelNo > 1 && !passed.contains(levelNo - 1)) {
                throw new ConflictException("learning.level.locked", levelNo - 1);
            }
            int today = attemptsToday(self.getMemberId());
            if (rules.attemptCapReached(today)) {
                throw new ConflictException("learning.quiz.dailyCap", rules.dailyAttempts());
            }
            List<Long> pool = new ArrayList<>(quiz.activeQuestionIds(bankId));
            if (pool.size() < level.getQuestions()) {
                throw new ConflictException("learning.level.tooFewQuestions", level.getQuestions());
            }
            Collections.shuffle(pool, RANDOM);
            OffsetDateTime now = OffsetDateTime.now(clock);
            quiz.abandonOpen(self.getMemberId(), now);
            LearningAttemptRecord a = quiz.newAttempt();
            a.setRegionOrgId(self.getRegionOrgId());
            a.setOrgPath(self.getOrgPath());
            a.setMemberId(self.getMemberId());
            a.setBankId(bankId);
            a.setLevelNo(levelNo);
            a.setAttemptDate(LocalDate.now(clock));
            a.setStatus(AttemptStatus.OPEN);
            a.setCorrect(0);
            a.setStartedAt(now);
            a.store();
            quiz.insertItems(a.getId(), pool.subList(0, level.getQuestions())); // distinct ids: no repetition
            audit.success("learning.quiz.start", "bank", bankId, b.getOrgPath(), "member " + self.getMemberId()
                    + " level " + levelNo + " attempt " + a.getId());
            return a.getId();
        });
        return attempt(scope, id);
    }

    /** The attempt as it stands; shows (and starts the clock of) the next question. Expired questions count as wrong. */
    public AttemptView attempt(DataScope scope, long attemptId) {
        Access.requireMember(scope);
        return tx.execute(s -> {
            LearningAttemptRecord a = loadAttempt(scope, attemptId, true);
            expire(a);
            return view(a, null, false); // expire() has already served the current question
        });
    }

    /**
     * Answers the current question. An answer after its time (server clock) is refused with a clear error and the
     * question counts as wrong; answering another question than the current one is refused too.
     */
    public AttemptView answer(DataScope scope, long attemptId, AnswerForm f) {
        Access.requireMember(scope);
        if (f == null || f.seq() == null) {
            throw InvalidInputException.of("seq", "validation.required");
        }
        AttemptView v = tx.execute(s -> {
            LearningAttemptRecord a = loadAttempt(scope, attemptId, true);
            if (a.getStatus() != AttemptStatus.OPEN) {
                throw new ConflictException("learning.quiz.finished");
            }
            LearningLevelRecord level = level(a);
            LearningAttemptItemRecord item = currentItem(a.getId());
            if (item == null || item.getSeq() != f.seq().intValue() || item.getServedAt() == null) {
                throw new ConflictException("learning.quiz.notCurrent");
            }
            LearningQuestionRecord q = quiz.question(item.getQuestionId());
            OffsetDateTime now = OffsetDateTime.now(clock);
            boolean late = rules.late(item.getServedAt().toInstant(), now.toInstant(), level.getSecondsPerQuestion());
            boolean ok = !late && QuestionRules.correct(q.getAnswer(), f.answer());
            item.setAnsweredAt(now);
            item.setAnswer(late ? null : clip(f.answer()));
            item.setCorrect(ok);
            item.setLate(late);
            item.update();
            if (ok) {
                a.setCorrect(a.getCorrect() + 1);
                a.update();
            }
            finishIfDone(a, level);
            return view(a, new Feedback(item.getSeq(), ok, late, q.getAnswer(), q.getExplanation()), true);
        });
        if (v.last().late()) {
            throw new ConflictException("learning.quiz.late", v.last().seq()); // recorded as wrong, after the commit
        }
        return v;
    }

    // ---------------------------------------------------------------- internals

    private void expire(LearningAttemptRecord a) {
        if (a.getStatus() != AttemptStatus.OPEN) {
            return;
        }
        LearningLevelRecord level = level(a);
        OffsetDateTime now = OffsetDateTime.now(clock);
        LearningAttemptItemRecord item;
        while ((item = currentItem(a.getId())) != null && item.getServedAt() != null
                && rules.late(item.getServedAt().toInstant(), now.toInstant(), level.getSecondsPerQuestion())) {
            item.setAnsweredAt(now);
            item.setCorrect(false);
            item.setLate(true);
            item.update();
        }
        finishIfDone(a, level);
        item = currentItem(a.getId());
        if (item != null && item.getServedAt() == null) {
            item.setServedAt(now); // the question's clock starts when it is first shown
            item.update();
        }
    }

    private void finishIfDone(LearningAttemptRecord a, LearningLevelRecord level) {
        if (a.getStatus() != AttemptStatus.OPEN || currentItem(a.getId()) != null) {
            return;
        }
        boolean passed = StudyRules.passed(a.getCorrect(), level.getPassCorrect());
        a.setStatus(passed ? AttemptStatus.PASSED : AttemptStatus.FAILED);
        a.setFinishedAt(OffsetDateTime.now(clock));
        a.update();
        if (passed && !passedLevels(a.getMemberId(), a.getBankId()).contains(a.getLevelNo())) {
            quiz.insertPass(a);
            events.publishEvent(new LearningEvents.QuizLevelPassed(a.getMemberId(), a.getBankId(), a.getLevelNo(),
                    LocalDate.now(clock)));
        }
        audit.success("learning.quiz.finish", "bank", a.getBankId(), a.getOrgPath(), "member " + a.getMemberId()
                + " level " + a.getLevelNo() + " " + a.getStatus() + " " + a.getCorrect() + "/" + level.getQuestions());
    }

    /** The attempt; with {@code serveNext} the next question's clock starts now (it is in the answer the client gets). */
    private AttemptView view(LearningAttemptRecord a, Feedback last, boolean serveNext) {
        LearningLevelRecord level = level(a);
        List<LearningAttemptItemRecord> items = quiz.items(a.getId());
        int answered = (int) items.stream().filter(i -> i.getAnsweredAt() != null).count();
        QuestionCard card = null;
        LearningAttemptItemRecord cur = items.stream().filter(i -> i.getAnsweredAt() == null).findFirst().orElse(null);
        if (a.getStatus() == AttemptStatus.OPEN && cur != null) {
            if (cur.getServedAt() == null && serveNext) {
                cur.setServedAt(OffsetDateTime.now(clock));
                cur.update();
            }
            LearningQuestionRecord q = quiz.question(cur.getQuestionId());
            long used = cur.getServedAt() == null ? 0 : Duration.between(cur.getServedAt(), OffsetDateTime.now(clock)).toSeconds();
            card = new QuestionCard(cur.getSeq(), items.size(), q.getKind(), q.getStem(), options(q),
                    level.getSecondsPerQuestion(), (int) Math.max(0, level.getSecondsPerQuestion() - used));
        }
        return new AttemptView(a.getId(), a.getBankId(), a.getLevelNo(), a.getStatus().name(), answered, items.size(),
                a.getCorrect(), level.getPassCorrect(), card, a.getStatus() == AttemptStatus.PASSED, last);
    }

    private LearningAttemptItemRecord currentItem(long attemptId) {
        return quiz.currentItem(attemptId);
    }

    private LearningAttemptRecord loadAttempt(DataScope scope, long attemptId, boolean lock) {
        return quiz.attempt(attemptId, scope.selfMemberId(), lock).orElseThrow(() -> new NotFoundException("attempt", attemptId));
    }

    private LearningLevelRecord level(LearningAttemptRecord a) {
        return quiz.level(a.getBankId(), a.getLevelNo());
    }

    private int attemptsToday(long memberId) {
        return quiz.attemptsOn(memberId, LocalDate.now(clock));
    }

    private Set<Integer> passedLevels(long memberId, long bankId) {
        return quiz.passedLevels(memberId, bankId);
    }

    private List<LearningLevelRecord> levels(long bankId) {
        return quiz.levels(bankId);
    }

    LearningBankRecord readable(DataScope scope, long bankId) {
        return quiz.bank(bankId)
                .filter(b -> Access.readable(scope, b.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("bank", bankId));
    }

    /** Editing needs the bank inside the caller's subtree; a superior's bank is read-only (409), a foreign one 404. */
    private LearningBankRecord editable(DataScope scope, long bankId) {
        LearningBankRecord b = readable(scope, bankId);
        if (!scope.covers(b.getOrgPath())) {
            throw new ConflictException("learning.bank.readOnly");
        }
        return b;
    }

    private BankSummary summary(DataScope scope, LearningBankRecord b) {
        int questions = quiz.activeQuestions(b.getId());
        int levels = quiz.countLevels(b.getId());
        return new BankSummary(b.getId(), b.getOrgId(), b.getName(), questions, levels,
                scope.canManageMembers() && scope.covers(b.getOrgPath()));
    }

    private record Parsed(QuestionKind kind, String stem, List<String> options, String answer, String explanation) {
    }

    private static Parsed parse(QuestionForm f) {
        List<Violation> errors = new ArrayList<>();
        if (f == null || f.kind() == null) {
            errors.add(new Violation("kind", "learning.question.kind"));
        }
        String stem = InvalidInputException.collect(errors, () -> TextInput.required(f == null ? null : f.stem(), "stem", 500));
        String expl = InvalidInputException.collect(errors, () -> TextInput.optional(f == null ? null : f.explanation(),
                "explanation", 500));
        List<String> opts = null;
        String answer = null;
        if (f != null && f.kind() != null) {
            opts = InvalidInputException.collect(errors, () -> QuestionRules.options(f.kind(), f.options()));
            if (opts != null) {
                for (String o : opts) {
                    InvalidInputException.collect(errors, () -> TextInput.required(o, "options", 200));
                }
                int n = opts.size();
                answer = InvalidInputException.collect(errors, () -> QuestionRules.normalize(f.kind(), f.answer(), n));
            } else {
                InvalidInputException.collect(errors, () -> QuestionRules.normalize(f.kind(), f.answer(), 6));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Parsed(f.kind(), stem, opts, answer, expl);
    }

    private static void fill(LearningQuestionRecord q, Parsed p) {
        q.setKind(p.kind());
        q.setStem(p.stem());
        List<String> o = new ArrayList<>(p.options());
        while (o.size() < 6) {
            o.add(null);
        }
        q.setOptionA(o.get(0));
        q.setOptionB(o.get(1));
        q.setOptionC(o.get(2));
        q.setOptionD(o.get(3));
        q.setOptionE(o.get(4));
        q.setOptionF(o.get(5));
        q.setAnswer(p.answer());
        q.setExplanation(p.explanation());
    }

    static List<String> options(LearningQuestionRecord q) {
        return java.util.stream.Stream.of(q.getOptionA(), q.getOptionB(), q.getOptionC(), q.getOptionD(), q.getOptionE(),
                q.getOptionF()).filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }

    static QuestionView question(LearningQuestionRecord q) {
        return new QuestionView(q.getId(), q.getKind(), q.getStem(), options(q), q.getAnswer(),
                q.getExplanation(), q.getActive(), q.getVersion());
    }

    private static int col(List<String> head, String... names) {
        for (int i = 0; i < head.size(); i++) {
            for (String n : names) {
                if (head.get(i).equalsIgnoreCase(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int range(List<Violation> errors, String field, Integer v, int min, int max) {
        if (v == null || v < min || v > max) {
            errors.add(new Violation(field, "learning.range", min, max));
            return 0;
        }
        return v;
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 6 ? s.substring(0, 6) : s;
    }
}
