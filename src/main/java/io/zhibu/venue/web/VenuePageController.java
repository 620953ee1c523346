package io.zhibu.venue.web;

import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import io.zhibu.venue.VenueKind;
import io.zhibu.venue.VenueService;
import io.zhibu.venue.VenueTierRules;
import io.zhibu.venue.VenueViews.InspectionForm;
import io.zhibu.venue.VenueViews.VenueForm;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Venue register pages (阵地台账): list with counts by tier and a register form, a venue with its inspections. */
@Controller
@RequestMapping("/venues")
public class VenuePageController {
    private final VenueService venues;
    private final OrgService orgs;
    private final Messages messages;

    public VenuePageController(VenueService venues, OrgService orgs, Messages messages) {
        this.venues = venues;
        this.orgs = orgs;
        this.messages = messages;
    }

    @GetMapping
    public String list(@RequestParam(required = false) Long orgId, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("list", venues.list(scope, orgId));
        model.addAttribute("counts", venues.counts(scope, orgId));
        boolean canRegister = scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY;
        model.addAttribute("canRegister", canRegister);
        List<Organization> owners = !canRegister || scope.scopeOrgId() == null ? List.of()
                : scope.role() == Role.BRANCH_SECRETARY ? List.of(orgs.get(scope, scope.scopeOrgId()))
                : orgs.activeIn(scope, scope.scopeOrgId(), Arrays.stream(OrgType.values()).filter(t -> t != OrgType.PARTY_GROUP).toList());
        model.addAttribute("owners", owners);
        model.addAttribute("kinds", VenueKind.values());
        model.addAttribute("orgId", orgId);
        return "venue/list";
    }

    @PostMapping
    public String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String name,
                         @RequestParam(required = false) String kind, @RequestParam(required = false) String address,
                         @RequestParam(required = false) Integer areaSqm, @RequestParam(required = false) Integer rooms,
                         @RequestParam(required = false) String openingHours, RedirectAttributes flash) {
        return act(flash, "/venues", () -> {
            var v = venues.create(CurrentScope.get(), new VenueForm(orgId, name, kind(kind), address, areaSqm, rooms, openingHours, null));
            flash.addFlashAttribute("notice", messages.get("venue.saved"));
            return "redirect:/venues/" + v.id();
        });
    }

    @GetMapping("/{id}")
    public String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", venues.get(CurrentScope.get(), id));
        model.addAttribute("kinds", VenueKind.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("max", VenueTierRules.ASPECT_MAX);
        return "venue/detail";
    }

    @PostMapping("/{id}")
    public String update(@PathVariable long id, @RequestParam(required = false) String name,
                         @RequestParam(required = false) String kind, @RequestParam(required = false) String address,
                         @RequestParam(required = false) Integer areaSqm, @RequestParam(required = false) Integer rooms,
                         @RequestParam(required = false) String openingHours, @RequestParam(required = false) Integer version,
                         RedirectAttributes flash) {
        String back = "/venues/" + id;
        return act(flash, back, () -> {
            venues.update(CurrentScope.get(), id, new VenueForm(null, name, kind(kind), address, areaSqm, rooms, openingHours, version));
            flash.addFlashAttribute("notice", messages.get("venue.saved"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/{id}/inspections")
    public String inspect(@PathVariable long id, @RequestParam(required = false) String inspectedOn,
                          @RequestParam(required = false) String inspector, @RequestParam(required = false) Integer place,
                          @RequestParam(required = false) Integer signage, @RequestParam(required = false) Integer rules,
                          @RequestParam(required = false) Integer equipment, @RequestParam(required = false) Integer use,
                          @RequestParam(required = false) String findings, RedirectAttributes flash) {
        String back = "/venues/" + id;
        return act(flash, back, () -> {
            venues.inspect(CurrentScope.get(), id, new InspectionForm(date(inspectedOn), inspector, place, signage, rules,
                    equipment, use, findings));
            flash.addFlashAttribute("notice", messages.get("venue.inspected"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/{id}/photos")
    public String photo(@PathVariable long id, @RequestParam(required = false) Long inspectionId,
                        @RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                        RedirectAttributes flash) {
        String back = "/venues/" + id;
        return act(flash, back, () -> {
            try {
                venues.addPhoto(CurrentScope.get(), id, inspectionId, file == null ? null : file.getOriginalFilename(),
                        file == null || file.isEmpty() ? null : file.getBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            flash.addFlashAttribute("notice", messages.get("venue.photo.added"));
            return "redirect:" + back;
        });
    }

    private static VenueKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return VenueKind.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", "validation.required");
        }
    }

    private static LocalDate date(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("inspectedOn", "venue.date");
        }
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:" + back;
    }
}
