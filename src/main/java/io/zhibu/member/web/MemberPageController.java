package io.zhibu.member.web;

import io.zhibu.member.AgeBand;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberCodes;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.MemberForm;
import io.zhibu.member.MemberService;
import io.zhibu.member.MemberView;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Gender;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Roster pages: filterable list, detail with audited reveal, create and edit. */
@Controller
@RequestMapping("/members")
public class MemberPageController {
    private final MemberService members;
    private final Messages messages;

    public MemberPageController(MemberService members, Messages messages) {
        this.members = members;
        this.messages = messages;
    }

    @GetMapping
    public String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String q,
                       @RequestParam(required = false) MemberCategory category,
                       @RequestParam(required = false) Gender gender, @RequestParam(required = false) AgeBand ageBand,
                       @RequestParam(required = false) String education,
                       @RequestParam(required = false) Integer joinYear,
                       @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        MemberFilter f = new MemberFilter(orgId, q, category, gender, ageBand, education, joinYear);
        model.addAttribute("f", f);
        model.addAttribute("result", members.search(scope, f, page, 20));
        model.addAttribute("canManage", scope.canManageMembers());
        model.addAttribute("pageBase", org.springframework.web.util.UriComponentsBuilder.fromPath("/members")
                .queryParamIfPresent("orgId", java.util.Optional.ofNullable(orgId))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(x -> !x.isBlank()))
                .queryParamIfPresent("category", java.util.Optional.ofNullable(category))
                .queryParamIfPresent("gender", java.util.Optional.ofNullable(gender))
                .queryParamIfPresent("ageBand", java.util.Optional.ofNullable(ageBand))
                .queryParamIfPresent("education", java.util.Optional.ofNullable(education).filter(x -> !x.isBlank()))
                .queryParamIfPresent("joinYear", java.util.Optional.ofNullable(joinYear))
                .encode().build().toUriString());
        codes(model);
        return "members/list";
    }

    @GetMapping("/{id}")
    public String detail(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("m", members.get(scope, id));
        model.addAttribute("canManage", scope.canManageMembers());
        model.addAttribute("canReveal", scope.canReveal(id));
        codes(model);
        return "members/detail";
    }

    /** htmx fragment: the unmasked values (audited). */
    @PostMapping("/{id}/reveal")
    public String reveal(@PathVariable long id, Model model) {
        model.addAttribute("r", members.reveal(CurrentScope.get(), id));
        return "members/detail :: revealed";
    }

    @GetMapping("/new")
    public String newForm(@RequestParam(required = false) Long orgId, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new MemberForm(orgId, null, null, null, null, "01", null, null, null, null, null,
                    MemberCategory.FULL, null, null, 0, false, null, false, null, null));
        }
        model.addAttribute("editing", false);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        codes(model);
        return "members/form";
    }

    @PostMapping
    public String create(MemberForm form, Model model, RedirectAttributes flash) {
        try {
            MemberView m = members.create(CurrentScope.get(), form);
            flash.addFlashAttribute("notice", messages.get("member.created", m.name()));
            return "redirect:/members/" + m.id();
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            return newForm(form.orgId(), model);
        }
    }

    @GetMapping("/{id}/edit")
    public String editForm(@PathVariable long id, Model model) {
        MemberView m = members.get(CurrentScope.get(), id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new MemberForm(m.orgId(), m.name(), null, m.gender(), m.birthDate(),
                    m.ethnicity(), m.education(), m.personCategory(), m.jobTitle(), null, null, m.category(),
                    m.joinedOn(), null, m.probationExtensionMonths(), m.flowMember(), m.flowDestination(),
                    m.lostContact(), m.lostContactOn(), m.version()));
        }
        model.addAttribute("m", m);
        model.addAttribute("editing", true);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        codes(model);
        return "members/form";
    }

    /**
     * Edit: ID number, phone and address are write-only in the form (shown masked); left empty they keep
     * their stored values.
     */
    @PostMapping("/{id}")
    public String update(@PathVariable long id, MemberForm form, Model model, RedirectAttributes flash) {
        DataScope scope = CurrentScope.get();
        try {
            members.update(scope, id, form);
            flash.addFlashAttribute("notice", messages.get("member.updated"));
            return "redirect:/members/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            return editForm(id, model);
        } catch (ConflictException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", java.util.Map.of("version", messages.get(e.code())));
            return editForm(id, model);
        }
    }

    private void codes(Model model) {
        Locale l = LocaleContextHolder.getLocale();
        model.addAttribute("ethnicities", MemberCodes.labels(MemberCodes.ETHNICITY, l));
        model.addAttribute("educations", MemberCodes.labels(MemberCodes.EDUCATION, l));
        model.addAttribute("personCategories", MemberCodes.labels(MemberCodes.PERSON_CATEGORY, l));
        model.addAttribute("ageBands", AgeBand.values());
        model.addAttribute("categories", messages.labels(MemberCategory.values(), "category."));
        model.addAttribute("genders", messages.labels(Gender.values(), "gender."));
    }
}
