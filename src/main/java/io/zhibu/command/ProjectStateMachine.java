package io.zhibu.command;

import static io.zhibu.command.ProjectState.ASSIGNED;
import static io.zhibu.command.ProjectState.CLAIMED;
import static io.zhibu.command.ProjectState.COMPLETED;
import static io.zhibu.command.ProjectState.EVALUATED;
import static io.zhibu.command.ProjectState.IN_PROGRESS;

import io.zhibu.shared.ConflictException;

/**
 * Rule P1 (项目书, issue 17 point 6; seed 002 Ulanqab: 选择认领, 明确责任领导、推进措施和完成时限, 每季度上报进展,
 * 年底全面评价), pure: one organization's project goes
 * ASSIGNED (key/basic) → CLAIMED (plan filed; an innovation project starts here when claimed) → IN_PROGRESS
 * (quarterly reports) → COMPLETED (a report says done) → EVALUATED (year-end score, final). The plan may be revised
 * while nothing is reported; a project can only be reported once planned; a completed project takes no further
 * report; the evaluation scores any planned or assigned project (an unplanned one typically scores 0) and is final;
 * only an innovation claim without reports may be withdrawn (WITHDRAWN, final).
 */
public final class ProjectStateMachine {
    private ProjectStateMachine() {
    }

    /** The state after {@code action}, or a conflict ({@code command.project.notAllowed}). */
    public static ProjectState next(ProjectKind kind, ProjectState from, ProjectAction action) {
        ProjectState to = switch (action) {
            case PLAN -> from == ASSIGNED || from == CLAIMED ? CLAIMED : null;
            case REPORT -> from == CLAIMED || from == IN_PROGRESS ? IN_PROGRESS : null;
            case REPORT_DONE -> from == CLAIMED || from == IN_PROGRESS ? COMPLETED : null;
            case EVALUATE -> from == ASSIGNED || from == CLAIMED || from == IN_PROGRESS || from == COMPLETED
                    ? EVALUATED : null;
            case WITHDRAW -> kind == ProjectKind.INNOVATION && from == CLAIMED ? ProjectState.WITHDRAWN : null;
        };
        if (to == null) {
            throw new ConflictException("command.project.notAllowed");
        }
        return to;
    }

    public static boolean allowed(ProjectKind kind, ProjectState from, ProjectAction action) {
        try {
            next(kind, from, action);
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    /** Whether the project counts as completed for the boards and the assessment facts. */
    public static boolean completed(ProjectState s) {
        return s == COMPLETED || s == EVALUATED;
    }
}
