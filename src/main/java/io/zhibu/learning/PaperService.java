package io.zhibu.learning;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.LearningMemberRecord;
import io.zhibu.db.tables.records.LearningPaperEntryRecord;
import io.zhibu.db.tables.records.LearningPaperRecord;
import io.zhibu.db.tables.records.LearningQuestionRecord;
import io.zhibu.learning.LearningRecords.PaperForm;
import io.zhibu.learning.LearningRecords.PaperKind;
import io.zhibu.learning.LearningRecords.PaperSheet;
import io.zhibu.learning.LearningRecords.PaperView;
import io.zhibu.learning.LearningRecords.QuestionCard;
import io.zhibu.learning.LearningRecords.RankLine;
import io.zhibu.learning.LearningRecords.Ranking;
import io.zhibu.learning.LearningRecords.SubmitForm;
import io.zhibu.learning.internal.Access;
import io.zhibu.learning.internal.LearningRepository;
import io.zhibu.learning.internal.PaperRepository;
import io.zhibu.learning.internal.QuizRepository;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 闭卷测试与知识竞赛: a fixed paper drawn once from a bank, open to an org's subtree in a time window; each member
 * takes it once within its minutes (server clock); late submissions are refused. Rankings per branch and per subtree
 * (score, then time used) for the secretary and superiors; members see their own score and branch rank.
 */
@Service
public class PaperService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final LearningRepository repo;
    private final PaperRepository papers;
    private final QuizRepository questions;
    private final StudyRules rules;
    private final QuizService quiz;
    private final OrgService orgs;
    private final MemberDirectory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PaperService(LearningRepository repo, PaperRepository papers, QuizRepository questions, StudyRules rules, QuizService quiz, OrgService orgs,
                        MemberDirectory directory, AuditLog audit, ApplicationEventPublisher events,
                        TransactionTemplate tx, Clock clock) {
        this.repo = repo;
        this.papers = papers;
        this.questions = questions;
        this.rules = rules;
        this.quiz = quiz;
        this.orgs = orgs;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public PaperView create(DataScope scope, PaperForm f) {
        Access.requireManager(scope);
        if (f == null) {
            throw InvalidInputException.of("title", "validation.required");
        }
        Organization org = orgs.get(scope, f.orgId() == null ? MaterialService.scopeOrg(scope) : f.orgId());
        List<Violation> errors = new ArrayList<>();
        String title = InvalidInputException.collect(errors, () -> TextInput.required(f.title(), "title", 100));
        if (f.bankId() == null) {
            errors.add(new Violation("bankId", "validation.required"));
        }
        int n = f.questions() == null ? 0 : f.questions();
        if (n < 1 || n > 100) {
            errors.add(new Violation("questions", "learning.range", 1, 100));
        }
        int minutes = f.minutes() == null ? 0 : f.minutes();
        if (minutes < 1 || minutes > 180) {
            errors.add(new Violation("minutes", "learning.range", 1, 180));
        }
        if (f.opensAt() == null || f.closesAt() == null) {
            errors.add(new Violation("closesAt", "validation.required"));
        } else if (!f.closesAt().isAfter(f.opensAt())) {
            errors.add(new Violation("closesAt", "learning.paper.window"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return tx.execute(s -> {
            var bank = quiz.readable(scope, f.bankId());
            List<Long> pool = new ArrayList<>(questions.activeQuestionIds(bank.getId()));
            if (pool.size() < n) {
                throw new ConflictException("learning.level.tooFewQuestions", n);
            }
            Collections.shuffle(pool, RANDOM);
            LearningPaperRecord p = papers.newPaper();
            p.setRegionOrgId(org.regionOrgId());
            p.setOrgId(org.id());
            p.setOrgPath(org.path());
            p.setKind(f.kind() == null ? PaperKind.TEST : f.kind());
            p.setTitle(title);
            p.setBankId(bank.getId());
            p.setQuestionIds(pool.subList(0, n).stream().map(String::valueOf).collect(Collectors.joining(",")));
            p.setOpensAt(f.opensAt());
            p.setClosesAt(f.closesAt());
            p.setMinutes(minutes);
            p.setCreatedBy(scope.username());
            p.setCreatedAt(OffsetDateTime.now(clock));
            p.store();
            audit.success("learning.paper.create", "paper", p.getId(), org.path(), p.getKind() + " " + title + " " + n + " q");
            return view(p, null);
        });
    }

    public List<PaperView> list(DataScope scope) {
        Access.requireReader(scope);
        return tx.execute(s -> {
            Long self = scope.selfOnly() ? Access.self(repo, scope).getMemberId() : null;
            Map<Long, BigDecimal> mine = self == null ? Map.of() : papers.scores(self);
            return papers.papers(scope.orgPath(), 100).stream().map(p -> view(p, mine.get(p.getId()))).toList();
        });
    }

    /** The member's paper: opens their entry (the clock starts) on first view inside the window. */
    public PaperSheet sheet(DataScope scope, long paperId) {
        Access.requireMember(scope);
        try {
            return tx.execute(s -> sheetOnce(scope, paperId));
        } catch (DataIntegrityViolationException e) {
            return tx.execute(s -> sheetOnce(scope, paperId)); // two tabs opened the paper at once
        }
    }

    private PaperSheet sheetOnce(DataScope scope, long paperId) {
        LearningMemberRecord self = Access.self(repo, scope);
        LearningPaperRecord p = load(scope, paperId);
        LearningPaperEntryRecord e = entry(paperId, self.getMemberId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (e == null) {
            if (now.isBefore(p.getOpensAt())) {
                throw new ConflictException("learning.paper.notOpen", p.getOpensAt().atZoneSameInstant(clock.getZone()).toLocalDateTime());
            }
            if (!now.isBefore(p.getClosesAt())) {
                throw new ConflictException("learning.paper.closed");
            }
            e = papers.newEntry();
            e.setRegionOrgId(self.getRegionOrgId());
            e.setOrgId(self.getOrgId());
            e.setOrgPath(self.getOrgPath());
            e.setPaperId(paperId);
            e.setMemberId(self.getMemberId());
            e.setStartedAt(now);
            e.store();
        }
        boolean submitted = e.getSubmittedAt() != null;
        List<QuestionCard> cards = new ArrayList<>();
        if (!submitted) {
            List<Long> ids = ids(p);
            Map<Long, LearningQuestionRecord> qs = questions.questions(ids);
            for (int i = 0; i < ids.size(); i++) {
                LearningQuestionRecord q = qs.get(ids.get(i));
                cards.add(new QuestionCard(i + 1, ids.size(), q.getKind(), q.getStem(),
                        QuizService.options(q), 0, 0));
            }
        }
        return new PaperSheet(view(p, e.getScore()), cards, deadline(p, e), submitted, e.getScore());
    }

    /** Submits the answers (seq → letters); after the deadline (server clock, small grace) refused; once only. */
    public PaperSheet submit(DataScope scope, long paperId, SubmitForm f) {
        Access.requireMember(scope);
        Map<Integer, String> answers = f == null || f.answers() == null ? Map.of() : f.answers();
        return tx.execute(s -> {
            LearningMemberRecord self = Access.self(repo, scope);
            LearningPaperRecord p = load(scope, paperId);
            LearningPaperEntryRecord e = Optional.ofNullable(papers.entry(paperId, self.getMemberId(), true))
                    .orElseThrow(() -> new ConflictException("learning.paper.notStarted"));
            if (e.getSubmittedAt() != null) {
                throw new ConflictException("learning.paper.submitted");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (rules.late(deadline(p, e).toInstant(), now.toInstant(), 0)) {
                throw new ConflictException("learning.paper.late");
            }
            List<Long> ids = ids(p);
            Map<Long, LearningQuestionRecord> qs = questions.questions(ids);
            int correct = 0;
            StringBuilder given = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                String a = answers.get(i + 1);
                if (QuestionRules.correct(qs.get(ids.get(i)).getAnswer(), a)) {
                    correct++;
                }
                given.append(i == 0 ? "" : ",").append(a == null ? "" : a.replaceAll("[^A-Fa-f]", "").toUpperCase());
            }
            BigDecimal score = StudyRules.score(correct, ids.size());
            e.setSubmittedAt(now);
            e.setAnswers(given.length() > 2000 ? given.substring(0, 2000) : given.toString());
            e.setScore(score);
            e.setSecondsUsed((int) Duration.between(e.getStartedAt(), now).toSeconds());
            e.update();
            audit.success("learning.paper.submit", "paper", paperId, self.getOrgPath(),
                    "member " + self.getMemberId() + " score " + score);
            events.publishEvent(new LearningEvents.TestSubmitted(self.getMemberId(), paperId, score, LocalDate.now(clock)));
            return new PaperSheet(view(p, score), List.of(), deadline(p, e), true, score);
        });
    }

    /** Ranking of a paper within an org's subtree (a branch or any superior in scope): score, then time used. */
    public Ranking ranking(DataScope scope, long paperId, Long orgId) {
        Access.requireManager(scope);
        Organization org = orgs.get(scope, orgId == null ? MaterialService.scopeOrg(scope) : orgId);
        return tx.execute(s -> {
            load(scope, paperId);
            List<LearningPaperEntryRecord> rows = papers.ranking(paperId, org.path(), 500);
            Map<Long, String> names = directory.namesOf(scope, rows.stream().map(LearningPaperEntryRecord::getMemberId).toList());
            Map<Long, String> orgNames = orgs.namesOf(rows.stream().map(LearningPaperEntryRecord::getOrgId).toList());
            List<RankLine> lines = new ArrayList<>();
            int rank = 0;
            BigDecimal prevScore = null;
            Integer prevSecs = null;
            for (int i = 0; i < rows.size(); i++) {
                var r = rows.get(i);
                if (prevScore == null || r.getScore().compareTo(prevScore) != 0 || !r.getSecondsUsed().equals(prevSecs)) {
                    rank = i + 1; // ties share a rank
                }
                prevScore = r.getScore();
                prevSecs = r.getSecondsUsed();
                lines.add(new RankLine(rank, r.getMemberId(), names.get(r.getMemberId()), r.getOrgId(),
                        orgNames.get(r.getOrgId()), r.getScore(), r.getSecondsUsed()));
            }
            return new Ranking(paperId, org.id(), lines);
        });
    }

    private LearningPaperRecord load(DataScope scope, long paperId) {
        return papers.paper(paperId)
                .filter(p -> Access.readable(scope, p.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("paper", paperId));
    }

    private LearningPaperEntryRecord entry(long paperId, long memberId) {
        return papers.entry(paperId, memberId, false);
    }

    private static OffsetDateTime deadline(LearningPaperRecord p, LearningPaperEntryRecord e) {
        OffsetDateTime byLength = e.getStartedAt().plusMinutes(p.getMinutes());
        return byLength.isBefore(p.getClosesAt()) ? byLength : p.getClosesAt();
    }

    private static List<Long> ids(LearningPaperRecord p) {
        return Arrays.stream(p.getQuestionIds().split(",")).map(Long::valueOf).toList();
    }

    private PaperView view(LearningPaperRecord p, BigDecimal myScore) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new PaperView(p.getId(), p.getOrgId(), p.getKind(), p.getTitle(), p.getBankId(),
                ids(p).size(), p.getOpensAt(), p.getClosesAt(), p.getMinutes(),
                !now.isBefore(p.getOpensAt()) && now.isBefore(p.getClosesAt()), myScore);
    }
}
