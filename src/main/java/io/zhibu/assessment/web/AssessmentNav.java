package io.zhibu.assessment.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entries of the assessment section: campaigns and systems, weak-and-lax rectification, three-rate surveys. */
@Configuration
class AssessmentNav {
    private static boolean reader(DataScope s) {
        return !s.selfOnly() && s.canReadOrgs() && s.canReadRoster();
    }

    @Bean
    NavItem assessmentNavItem() {
        return new NavItem("nav-assessment", "nav.assessment", "/assessment", 60, AssessmentNav::reader);
    }

    /** 软弱涣散整顿 (WeakLaxService: organizations' readers). */
    @Bean
    NavItem assessmentWeakNavItem() {
        return new NavItem("nav-assessment-weak", "nav.assessmentWeak", "/assessment/weak", 61, AssessmentNav::reader);
    }

    /** “五好”创建 (FiveGoodService: organizations' readers). */
    @Bean
    NavItem assessmentFiveGoodNavItem() {
        return new NavItem("nav-assessment-five-good", "nav.assessmentFiveGood", "/assessment/five-good", 64, AssessmentNav::reader);
    }

    /** 考评结果运用 (AssessmentOutcomes: organizations' readers). */
    @Bean
    NavItem assessmentOutcomesNavItem() {
        return new NavItem("nav-assessment-outcomes", "nav.assessmentOutcomes", "/assessment/outcomes", 65, AssessmentNav::reader);
    }

    /** 三率测评 (SurveyService: organizations' readers). */
    @Bean
    NavItem assessmentSurveysNavItem() {
        return new NavItem("nav-assessment-surveys", "nav.assessmentSurveys", "/assessment/surveys", 62, AssessmentNav::reader);
    }
}
