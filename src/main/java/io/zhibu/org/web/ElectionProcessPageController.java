package io.zhibu.org.web;

import io.zhibu.org.ElectionWorkflowRules;
import io.zhibu.org.OrgElectionProcesses;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of 换届选举程序 (R1.9): the request on the terms page, the processes in scope with their next steps. */
@Controller
public class ElectionProcessPageController {
    private final OrgElectionProcesses processes;
    private final Messages messages;
    private final io.zhibu.org.OrgTerms terms;

    public ElectionProcessPageController(OrgElectionProcesses processes, Messages messages, io.zhibu.org.OrgTerms terms) {
        this.terms = terms;
        this.processes = processes;
        this.messages = messages;
    }

    @PostMapping("/orgs/{id}/election-processes")
    public String request(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        try {
            processes.request(CurrentScope.get(), id, note);
            flash.addFlashAttribute("notice", messages.get("election.process.requested"));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", messages.fieldErrors(e.violations()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("errors", java.util.Map.of("note", messages.get(e.code(), e.args())));
        }
        return "redirect:/orgs/" + id + "/terms";
    }

    @GetMapping("/orgs/election-processes")
    public String inbox(@RequestParam(required = false) ElectionWorkflowRules.Stage stage, Model model) {
        var scope = CurrentScope.get();
        var list = processes.inScope(scope, stage);
        model.addAttribute("processes", list);
        // pickers: the org's recorded elections (ELECT) and its roll (REPORT: secretary and deputy, R1.4)
        java.util.Map<Long, Object> elections = new java.util.HashMap<>();
        java.util.Map<Long, Object> roster = new java.util.HashMap<>();
        for (var p : list) {
            if (p.actions().contains(ElectionWorkflowRules.Action.ELECT)) {
                elections.put(p.orgId(), terms.elections(scope, p.orgId()));
            }
            if (p.actions().contains(ElectionWorkflowRules.Action.REPORT)) {
                roster.put(p.orgId(), processes.roster(p.orgId())); // by member id
            }
        }
        model.addAttribute("elections", elections);
        model.addAttribute("roster", roster);
        model.addAttribute("stage", stage);
        return "orgs/election-processes";
    }

    @PostMapping("/election-processes/{id}/steps")
    public String step(@PathVariable long id, @RequestParam(required = false) ElectionWorkflowRules.Action action,
                       @RequestParam(required = false) String note, @RequestParam(required = false) Long electionId,
                       @RequestParam(required = false) String secretary,
                       @RequestParam(required = false) String deputySecretary,
                       @RequestParam(required = false) Long secretaryId, @RequestParam(required = false) Long deputySecretaryId,
                       @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        try {
            var v = processes.step(CurrentScope.get(), id, new OrgElectionProcesses.StepForm(action, note, electionId,
                    secretary, deputySecretary, version, secretaryId, deputySecretaryId));
            flash.addFlashAttribute("notice", messages.get("election.stage." + v.stage()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", java.util.List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", java.util.List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/orgs/election-processes";
    }
}
