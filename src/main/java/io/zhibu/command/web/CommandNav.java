package io.zhibu.command.web;

import io.zhibu.shared.Role;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CommandNav {
    @Bean
    NavItem taskNavItem() {
        return new NavItem("nav-tasks", "command.nav.tasks", "/tasks", 17,
                s -> s.canManageOrgs() && s.scopeOrgId() != null);
    }

    @Bean
    NavItem taskInboxNavItem() {
        return new NavItem("nav-task-inbox", "command.nav.inbox", "/tasks/inbox", 18,
                s -> (s.role() == Role.BRANCH_SECRETARY || s.role() == Role.ORG_STAFF) && s.scopeOrgId() != null);
    }

    @Bean
    NavItem noticeNavItem() {
        return new NavItem("nav-notices", "command.nav.notices", "/notices", 5,
                s -> s.role() != Role.SECURITY_ADMIN && s.role() != Role.AUDITOR);
    }

    @Bean
    NavItem noticeSentNavItem() {
        return new NavItem("nav-notices-sent", "command.nav.noticesSent", "/notices/sent", 19,
                s -> s.canManageMembers() && s.scopeOrgId() != null);
    }

    @Bean
    NavItem bulletinNavItem() {
        return new NavItem("nav-bulletins-issued", "command.nav.bulletins", "/tasks/bulletins", 18,
                s -> s.canManageOrgs() && s.scopeOrgId() != null);
    }

    /** 述职评议 next to the tasks (考核督导): the round owners and the secretaries who file. */
    @Bean
    NavItem debriefNavItem() {
        return new NavItem("nav-debriefs", "command.nav.debriefs", "/debriefs", 18,
                s -> (s.canManageOrgs() || s.role() == Role.BRANCH_SECRETARY) && s.scopeOrgId() != null);
    }

    /** 项目书 next to the tasks: the staff who publish and evaluate, the secretaries who claim and report. */
    @Bean
    NavItem projectNavItem() {
        return new NavItem("nav-projects", "command.nav.projects", "/projects", 18,
                s -> (s.canManageOrgs() || s.role() == Role.BRANCH_SECRETARY) && s.scopeOrgId() != null);
    }

    /** 周调度: a level's staff. */
    @Bean
    NavItem dispatchNavItem() {
        return new NavItem("nav-dispatch", "command.nav.dispatch", "/dispatch", 18,
                s -> s.canManageOrgs() && s.scopeOrgId() != null);
    }

    /** 观摩: the staff who plan and score, the secretaries whose branches are visited. */
    @Bean
    NavItem observationNavItem() {
        return new NavItem("nav-observations", "command.nav.observations", "/observations", 18,
                s -> (s.canManageOrgs() || s.role() == Role.BRANCH_SECRETARY) && s.scopeOrgId() != null);
    }
}
