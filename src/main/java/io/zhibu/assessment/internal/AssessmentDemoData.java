package io.zhibu.assessment.internal;

import static io.zhibu.db.Tables.ASSESSMENT_CAMPAIGN;

import io.zhibu.assessment.AssessmentService;
import io.zhibu.assessment.AssessmentViews.CampaignForm;
import io.zhibu.assessment.AssessmentViews.SystemForm;
import io.zhibu.assessment.AssessmentViews.SystemView;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.ScopedPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo assessment after the demo county and its dues are loaded (once): the Qingshen 6+X and Jiaozuo presets saved
 * as the county's systems of this year, and an open "annual star rating" campaign over the county scored from the
 * demo facts, so that the assessment pages show a ranking, breakdowns and a self-check to do.
 */
@Component
@Order(40)
class AssessmentDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AssessmentDemoData.class);
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private final AssessmentService service;
    private final AssessmentRepository repo;
    private final OrgService orgs;
    private final Clock clock;
    private final boolean enabled;

    AssessmentDemoData(AssessmentService service, AssessmentRepository repo, OrgService orgs, Clock clock,
                       @Value("${zhibu.demo.enabled:false}") boolean enabled) {
        this.service = service;
        this.repo = repo;
        this.orgs = orgs;
        this.clock = clock;
        this.enabled = enabled;
    }

    record Principal(DataScope scope) implements ScopedPrincipal {
        @Override
        public String toString() {
            return scope.username();
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || repo.db().fetchExists(ASSESSMENT_CAMPAIGN)) {
            return;
        }
        List<Organization> roots = orgs.scopeRoots(SYSTEM);
        if (roots.isEmpty()) {
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(SYSTEM), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            Organization county = roots.getFirst();
            int year = LocalDate.now(clock).getYear();
            SystemView qs = service.saveSystem(SYSTEM, new SystemForm(county.id(), year, "qingshen-6x", null));
            service.saveSystem(SYSTEM, new SystemForm(county.id(), year, "jiaozuo-7", null));
            var c = service.openCampaign(SYSTEM, new CampaignForm(county.id(), qs.summary().id(), year + " 年度支部星级评定"));
            log.info("Demo assessment: campaign over {} branches scored in {} ms", c.branches(), c.scoreMs());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
