package io.zhibu.assessment.internal;

import io.zhibu.assessment.AssessmentService;
import io.zhibu.assessment.SurveyService;
import io.zhibu.assessment.WeakLaxService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo 软弱涣散 and three-rate data after the demo campaign (once): a survey of the first branches with anonymous
 * answers, and the weakest candidate of the campaign designated with a two-task rectification plan.
 */
@Component
@Order(41)
class RectificationDemoData implements ApplicationRunner {
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private final AssessmentService assessment;
    private final WeakLaxService weak;
    private final SurveyService surveys;
    private final RectificationRepository repo;
    private final Clock clock;
    private final boolean enabled;

    RectificationDemoData(AssessmentService assessment, WeakLaxService weak, SurveyService surveys,
                          RectificationRepository repo, Clock clock, @Value("${zhibu.demo.enabled:false}") boolean enabled) {
        this.assessment = assessment;
        this.weak = weak;
        this.surveys = surveys;
        this.repo = repo;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        var db = repo.surveysIn(OrgPath.ROOT);
        if (!enabled || !db.isEmpty()) {
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new AssessmentDemoData.Principal(SYSTEM), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            var campaigns = assessment.campaigns(SYSTEM);
            if (campaigns.isEmpty()) {
                return;
            }
            long campaign = campaigns.getFirst().id();
            var ranking = assessment.ranking(SYSTEM, campaign);
            Random rnd = new Random(8);
            int year = LocalDate.now(clock).getYear();
            for (int b = 0; b < Math.min(3, ranking.size()); b++) {
                var row = ranking.get(b);
                var s = surveys.open(SYSTEM, new SurveyService.SurveyForm(row.orgId(), year + " 年度三率测评", 30, year));
                int answers = 12 + rnd.nextInt(10);
                for (int i = 0; i < answers; i++) {
                    int r = rnd.nextInt(10);
                    surveys.answer(s.token(), new SurveyService.AnswerForm(SurveyService.randomToken(16), i % 3 == 0 ? "MEMBER" : "PUBLIC",
                            r < 6 ? 2 : r < 9 ? 1 : 0, rnd.nextInt(10) < 8, rnd.nextInt(10) < 6));
                }
            }
            var candidates = weak.candidates(SYSTEM, campaign);
            if (!candidates.isEmpty()) {
                var c = candidates.getFirst();
                var d = weak.designate(SYSTEM, new WeakLaxService.DesignateForm(c.orgId(), campaign,
                        c.signals().stream().map(Enum::name).toList(), "年度考核未评星，组织生活不正常，经镇党委研究列为软弱涣散党组织"));
                LocalDate today = LocalDate.now(clock);
                weak.addTask(SYSTEM, d.id(), new WeakLaxService.TaskForm("配齐配强支部班子", "镇党委组织委员", today.plusMonths(2)));
                weak.addTask(SYSTEM, d.id(), new WeakLaxService.TaskForm("恢复三会一课并按月报告", "支部书记", today.plusMonths(3)));
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
