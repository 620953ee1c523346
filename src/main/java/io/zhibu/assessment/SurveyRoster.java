package io.zhibu.assessment;

import java.util.List;

/**
 * Port: the members a survey of a branch invites (one ticket each). Implemented by the member module (it depends on
 * this module for its facts, so this module cannot call it directly).
 */
public interface SurveyRoster {
    /** One member of the branch on the roster today. */
    record Respondent(long memberId, String name) {
    }

    List<Respondent> members(long branchOrgId);
}
