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
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 三率测评 (rules.md §8.1; Minhang, Qingshen): the superior opens an anonymous survey of one branch's members and the
 * public it serves, answered through a public link or QR code without login. One answer per person per survey: only
 * HMAC-SHA256(survey salt, respondent token) is kept with an answer, never who answered; a second answer is a 409.
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

    public SurveyService(RectificationRepository repo, OrgService orgs, AuditLog audit, Clock clock, TransactionTemplate tx) {
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
     * One anonymous answer. {@code respondent}: the respondent's own token (the answer page keeps one per browser in a
     * cookie); {@code audienceKind} MEMBER or PUBLIC; {@code satisfaction} 2 满意, 1 基本满意, 0 不满意.
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
        Organization org = orgs.get(scope, form.orgId());
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
        return new PublicSurvey(s.getToken(), s.getOrgName(), s.getTitle(), "OPEN".equals(s.getStatus()));
    }

    /** Records one anonymous answer; the same respondent again → 409, a closed survey → 409, bad input → 400. */
    public void answer(String token, AnswerForm form) {
        AssessmentSurveyRecord s = byToken(token);
        List<Violation> errors = new ArrayList<>();
        String respondent = form == null ? null : form.respondent();
        if (respondent == null || respondent.length() < 16 || respondent.length() > 100) {
            errors.add(new Violation("respondent", "assessment.survey.respondent"));
        }
        String kind = form == null ? null : form.audienceKind();
        if (!"MEMBER".equals(kind) && !"PUBLIC".equals(kind)) {
            errors.add(new Violation("audienceKind", "assessment.survey.kind"));
        }
        if (form == null || form.satisfaction() == null || form.satisfaction() < 0 || form.satisfaction() > 2) {
            errors.add(new Violation("satisfaction", "assessment.survey.satisfaction.invalid"));
        }
        if (form == null || form.aware() == null) {
            errors.add(new Violation("aware", "validation.required"));
        }
        if (form == null || form.tookPart() == null) {
            errors.add(new Violation("tookPart", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!"OPEN".equals(s.getStatus())) {
            throw new ConflictException("assessment.survey.closed");
        }
        AssessmentSurveyAnswerRecord a = new AssessmentSurveyAnswerRecord();
        a.setSurveyId(s.getId());
        a.setRespondentHash(respondentHash(s.getSalt(), respondent));
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

    /** HMAC-SHA256 keyed by the survey's salt: answers of one survey cannot be joined to a token of another. */
    static String respondentHash(String salt, String respondent) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(respondent.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
