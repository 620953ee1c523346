package io.zhibu.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.org.OrgTreeAt;
import io.zhibu.shared.CurrentScope;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The org tree on a past date (page and API). */
@Controller
@Tag(name = "orgs")
public class OrgTreeAtController {
    private final OrgTreeAt tree;

    public OrgTreeAtController(OrgTreeAt tree) {
        this.tree = tree;
    }

    @GetMapping("/api/v1/orgs/tree-at")
    @ResponseBody
    @Operation(summary = "The caller's subtree as it stood on a date, derived from the change history")
    public List<OrgTreeAt.Node> api(@RequestParam LocalDate date) {
        return tree.treeAt(CurrentScope.get(), date);
    }

    @GetMapping("/orgs/tree-at")
    public String page(@RequestParam(required = false) LocalDate date, Model model) {
        LocalDate d = date == null ? LocalDate.now() : date;
        model.addAttribute("date", d);
        model.addAttribute("nodes", tree.treeAt(CurrentScope.get(), d));
        return "orgs/tree-at";
    }
}
