package io.zhibu.assessment;

import io.zhibu.assessment.internal.RectificationRepository;
import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.AssessmentSurveyAnswerRecord;
import io.zhibu.db.tables.records.AssessmentSurveyRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 三率测评 (rules.md §8.1; Minhang, Qingshen): the superior opens an anonymous survey of one branch's members and the
 * public it serves. One answer per invited respondent (issue 19): the superior issues one-time tickets — a QR slip or
 * link per member of the branch and numbered slips for the public — and an answer must present one; only a keyed
 * hash (HMAC-SM3 with the index key and the survey's salt) of each ticket is stored, so a forged ticket is refused and
 * a used one answers 409. Which member got a ticket is kept apart from the tickets; a signed-in member may instead
 * answer in the app once (recorded as having answered, never which answer). Answers per client IP are rate-limited.
 * The rates ({@link SurveyRates}) feed the veto and score through the {@code survey.*} facts.
 */
@Service
public class SurveyService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final RectificationRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    private final io.zhibu.shared.crypto.Hmacs hmacs;
    private final org.springframework.beans.factory.ObjectProvider<SurveyRoster> roster;
    private final io.zhibu.shared.web.RateLimits rates;
    private final io.zhibu.shared.web.RateLimits.Limit perIp;

    public SurveyService(RectificationRepository repo, OrgService orgs, AuditLog audit, Clock clock, TransactionTemplate tx,
                         io.zhibu.shared.crypto.Hmacs hmacs, org.springframework.beans.factory.ObjectProvider<SurveyRoster> roster,
                         io.zhibu.shared.web.RateLimits rates,
                         @org.springframework.beans.factory.annotation.Value("${zhibu.assessment.survey.answers-per-ip:60}") int answersPerIp) {
        this.hmacs = hmacs;
        this.roster = roster;
        this.rates = rates;
        this.perIp = new io.zhibu.shared.web.RateLimits.Limit("survey-answer-ip", answersPerIp, java.time.Duration.ofHours(1));
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** Open a survey: {@code audience} = members and public invited (for the response rate); year defaults to now. */
    public record SurveyForm(Long orgId, String title, Integer audience, Integer year) {
    }

    public record SurveyView(long id, long orgId, String orgName, int year, String title, String token, int audience,
                             String status, String createdBy, OffsetDateTime createdAt, OffsetDateTime closedAt,
                             SurveyRates.Rates rates, boolean manageable) {
    }

    /** What the public answer page shows: no scope data beyond the branch's name and the title. */
    public record PublicSurvey(String token, String orgName, String title, boolean open) {
    }

    /**
     * One anonymous answer. {@code respondent}: the one-time ticket issued to the respondent (its kind, MEMBER or
     * PUBLIC, comes from the ticket; {@code audienceKind} is then ignored); {@code satisfaction} 2 满意, 1 基本满意,
     * 0 不满意.
     */
    public record AnswerForm(String respondent, String audienceKind, Integer satisfaction, Boolean aware, Boolean tookPart) {
    }

    public SurveyView open(DataScope scope, SurveyForm form) {
        requireManager(scope);
        List<Violation> errors = new ArrayList<>();
        if (form == null || form.orgId() == null) {
            errors.add(new Violation("orgId", "validation.required"));
        }
        String title = InvalidInputException.collect(errors, () -> TextInput.required(form == null ? null : form.title(), "title", 100));
        if (form == null || form.audience() == null || form.audience() < 1 || form.audience() > 100_000) {
            errors.add(new Violation("audience", "assessment.survey.audience"));
        }
        int year = form == null || form.year() == null ? LocalDate.now(clock).getYear() : form.year();
        if (year < 2000 || year > 2100) {
            errors.add(new Violation("year", "assessment.year.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Organization org = orgs.get(scope, form.orgId()); // out of scope: 404, as every scope probe expects
        requireSuperiorOf(scope, org.path());
        if (!org.type().holdsMembers()) {
            throw InvalidInputException.of("orgId", "assessment.survey.branchOnly");
        }
        AssessmentSurveyRecord saved = tx.execute(st -> {
            AssessmentSurveyRecord r = new AssessmentSurveyRecord();
            r.setRegionOrgId(org.regionOrgId());
            r.setOrgId(org.id());
            r.setOrgPath(org.path());
            r.setOrgName(org.name());
            r.setAssessYear(year);
            r.setTitle(title);
            r.setToken(randomToken(18));
            r.setSalt(randomToken(32));
            r.setAudience(form.audience());
            r.setStatus("OPEN");
            r.setCreatedBy(scope.username());
            r.setCreatedAt(OffsetDateTime.now(clock));
            AssessmentSurveyRecord out = repo.insertSurvey(r);
            audit.success("assessment.survey.open", "assessment_survey", out.getId(), org.path(),
                    title + " (" + year + "), " + form.audience() + " invited");
            return out;
        });
        return view(scope, saved, rates(saved));
    }

    public List<SurveyView> list(DataScope scope, Long orgId) {
        requireReader(scope);
        List<AssessmentSurveyRecord> list = repo.surveysIn(scope.orgPath()).stream()
                .filter(s -> orgId == null || s.getOrgId().equals(orgId)).toList();
        Map<Long, int[]> counts = repo.counts(list.stream().map(AssessmentSurveyRecord::getId).toList());
        return list.stream().map(s -> view(scope, s, rates(s, counts.get(s.getId())))).toList();
    }

    public SurveyView get(DataScope scope, long id) {
        AssessmentSurveyRecord s = visible(scope, id);
        return view(scope, s, rates(s));
    }

    public SurveyView close(DataScope scope, long id) {
        requireManager(scope);
        AssessmentSurveyRecord s = visible(scope, id);
        requireSuperiorOf(scope, s.getOrgPath());
        if (!"OPEN".equals(s.getStatus())) {
            throw new ConflictException("assessment.survey.closed");
        }
        tx.executeWithoutResult(st -> {
            repo.closeSurvey(id, OffsetDateTime.now(clock));
            audit.success("assessment.survey.close", "assessment_survey", id, s.getOrgPath(), s.getTitle());
        });
        return get(scope, id);
    }

    // ------------------------------------------------------------------ public (no login)

    public PublicSurvey publicSurvey(String token) {
        AssessmentSurveyRecord s = byToken(token);
        return new PublicSurvey(s.getToken(), s.getOrgName(), io.zhibu.shared.PersonalDataMask.mask(s.getTitle()),
                "OPEN".equals(s.getStatus()));
    }

    /** Which tickets to issue: one per member of the branch not yet invited, and {@code publicCount} public slips. */
    public record TicketForm(Boolean members, Integer publicCount) {
    }

    /** One issued ticket (shown once: only its hash is stored); {@code label} is the member's name or a slip number. */
    public record Ticket(String label, String audienceKind, String ticket) {
    }

    /** Issues one-time tickets; the superior only, while the survey is open. */
    public List<Ticket> issueTickets(DataScope scope, long id, TicketForm form) {
        requireManager(scope);
        AssessmentSurveyRecord s = visible(scope, id);
        requireSuperiorOf(scope, s.getOrgPath());
        if (!"OPEN".equals(s.getStatus())) {
            throw new ConflictException("assessment.survey.closed");
        }
        int publicCount = form == null || form.publicCount() == null ? 0 : form.publicCount();
        if (publicCount < 0 || publicCount > 5_000) {
            throw InvalidInputException.of("publicCount", "assessment.survey.publicCount");
        }
        boolean members = form != null && Boolean.TRUE.equals(form.members());
        List<Ticket> out = new ArrayList<>();
        return tx.execute(st -> {
            List<String> memberHashes = new ArrayList<>();
            if (members) {
                java.util.Set<Long> invited = repo.invitees(id);
                List<SurveyRoster.Respondent> people = new ArrayList<>(roster.getIfAvailable(() -> o -> List.of())
                        .members(s.getOrgId()));
                // tickets are handed out in a shuffled order: nothing on file ties a hash to a roster position
                java.util.Collections.shuffle(people, RANDOM);
                for (SurveyRoster.Respondent r : people) {
                    if (repo.addInvitee(id, r.memberId(), "TICKET")) {
                        String t = randomToken(16);
                        memberHashes.add(ticketHash(s, t));
                        out.add(new Ticket(r.name(), "MEMBER", t));
                    }
                }
                out.sort(java.util.Comparator.comparing(Ticket::label));
            }
            List<String> publicHashes = new ArrayList<>();
            int first = repo.ticketCount(id) + 1;
            for (int i = 0; i < publicCount; i++) {
                String t = randomToken(16);
                publicHashes.add(ticketHash(s, t));
                out.add(new Ticket("#" + (first + memberHashes.size() + i), "PUBLIC", t));
            }
            java.util.Collections.shuffle(memberHashes, RANDOM);
            repo.insertTickets(id, memberHashes, "MEMBER");
            repo.insertTickets(id, publicHashes, "PUBLIC");
            audit.success("assessment.survey.tickets", "assessment_survey", id, s.getOrgPath(),
                    memberHashes.size() + " member tickets, " + publicHashes.size() + " public tickets");
            return out;
        });
    }

    /** Records one anonymous answer with a ticket; forged ticket → 400, used ticket or closed survey → 409. */
    public void answer(String token, AnswerForm form) {
        rates.check(perIp, io.zhibu.shared.web.RateLimits.clientIp()); // a stuffing burst from one address: 429
        AssessmentSurveyRecord s = byToken(token);
        List<Violation> errors = new ArrayList<>();
        String respondent = form == null ? null : form.respondent();
        String kind = null;
        if (respondent == null || respondent.isBlank() || respondent.length() > 100) {
            errors.add(new Violation("respondent", "assessment.survey.respondent"));
        } else {
            kind = repo.ticketKind(s.getId(), ticketHash(s, respondent.strip()));
            if (kind == null) {
                errors.add(new Violation("respondent", "assessment.survey.ticket.unknown")); // forged or mistyped
            }
        }
        validate(form, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store(s, ticketHash(s, respondent.strip()), kind, form);
    }

    /** A signed-in member of the surveyed branch answers once in the app (no ticket needed; unlinkable answer). */
    public void answerAsMember(DataScope scope, long surveyId, AnswerForm form) {
        if (!scope.selfOnly() || scope.selfMemberId() == null) {
            throw new ForbiddenException("members answer their branch's survey");
        }
        AssessmentSurveyRecord s = repo.survey(surveyId).filter(x -> scope.covers(x.getOrgPath())
                        || x.getOrgPath().equals(scope.orgPath()))
                .orElseThrow(() -> new NotFoundException("survey", surveyId));
        List<Violation> errors = new ArrayList<>();
        validate(form, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!"OPEN".equals(s.getStatus())) {
            throw new ConflictException("assessment.survey.closed");
        }
        tx.executeWithoutResult(st -> {
            if (!repo.addInvitee(s.getId(), scope.selfMemberId(), "SIGNED_IN")) {
                throw new ConflictException("assessment.survey.answeredOrTicket");
            }
            // a random respondent value: the answer row holds nothing that leads back to the member
            store(s, ticketHash(s, randomToken(24)), "MEMBER", form);
        });
    }

    private static void validate(AnswerForm form, List<Violation> errors) {
        if (form == null || form.satisfaction() == null || form.satisfaction() < 0 || form.satisfaction() > 2) {
            errors.add(new Violation("satisfaction", "assessment.survey.satisfaction.invalid"));
        }
        if (form == null || form.aware() == null) {
            errors.add(new Violation("aware", "validation.required"));
        }
        if (form == null || form.tookPart() == null) {
            errors.add(new Violation("tookPart", "validation.required"));
        }
    }

    private void store(AssessmentSurveyRecord s, String respondentHash, String kind, AnswerForm form) {
        if (!"OPEN".equals(s.getStatus())) {
            throw new ConflictException("assessment.survey.closed");
        }
        AssessmentSurveyAnswerRecord a = new AssessmentSurveyAnswerRecord();
        a.setSurveyId(s.getId());
        a.setRespondentHash(respondentHash);
        a.setAudienceKind(kind);
        a.setSatisfaction(form.satisfaction());
        a.setAware(form.aware());
        a.setTookPart(form.tookPart());
        a.setAnsweredOn(LocalDate.now(clock));
        Boolean ok = tx.execute(st -> repo.insertAnswer(a));
        if (!Boolean.TRUE.equals(ok)) {
            throw new ConflictException("assessment.survey.answered");
        }
    }

    /** The keyed hash of a ticket: HMAC-SM3 (index key) over the survey's salt and the ticket. */
    String ticketHash(AssessmentSurveyRecord s, String ticket) {
        return hmacs.blindIndex("survey-ticket", s.getSalt() + '\u0000' + ticket, 64);
    }

    public static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ------------------------------------------------------------------ helpers

    private AssessmentSurveyRecord byToken(String token) {
        if (token == null || token.length() > 40) {
            throw new NotFoundException("survey", "-");
        }
        return repo.surveyByToken(token).orElseThrow(() -> new NotFoundException("survey", token));
    }

    private SurveyRates.Rates rates(AssessmentSurveyRecord s) {
        return rates(s, repo.counts(List.of(s.getId())).get(s.getId()));
    }

    private static SurveyRates.Rates rates(AssessmentSurveyRecord s, int[] c) {
        return c == null ? SurveyRates.of(0, 0, 0, 0, 0, s.getAudience()) : SurveyRates.of(c[0], c[1], c[2], c[3], c[4], s.getAudience());
    }

    private SurveyView view(DataScope scope, AssessmentSurveyRecord s, SurveyRates.Rates rates) {
        boolean manageable = scope.canManageOrgs() && scope.covers(s.getOrgPath()) && !scope.orgPath().equals(s.getOrgPath());
        return new SurveyView(s.getId(), s.getOrgId(), s.getOrgName(), s.getAssessYear(), s.getTitle(), s.getToken(),
                s.getAudience(), s.getStatus(), s.getCreatedBy(), s.getCreatedAt(), s.getClosedAt(), rates, manageable);
    }

    private AssessmentSurveyRecord visible(DataScope scope, long id) {
        requireReader(scope);
        return repo.survey(id).filter(s -> scope.covers(s.getOrgPath())).orElseThrow(() -> new NotFoundException("survey", id));
    }

    private static void requireSuperiorOf(DataScope scope, String path) {
        if (scope.orgPath().equals(path)) {
            throw new ForbiddenException("surveys of a branch are opened by its superior");
        }
    }

    private static void requireReader(DataScope scope) {
        if (scope.selfOnly() || !scope.canReadOrgs()) {
            throw new ForbiddenException("surveys are for organizations");
        }
    }

    private static void requireManager(DataScope scope) {
        if (!scope.canManageOrgs()) {
            throw new ForbiddenException("surveys are opened by the superior's organization department");
        }
    }
}
