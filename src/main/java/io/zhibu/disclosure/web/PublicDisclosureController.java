package io.zhibu.disclosure.web;

import io.zhibu.disclosure.DisclosureService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page behind a 公开 QR code: read-only, no sign-in, the organization's name and the text only. */
@Controller
@RequestMapping("/public/disclosures")
public class PublicDisclosureController {
    private final DisclosureService service;

    public PublicDisclosureController(DisclosureService service) {
        this.service = service;
    }

    @GetMapping("/{token}")
    public String page(@PathVariable String token, Model model) {
        model.addAttribute("p", service.shared(token));
        return "disclosure/public";
    }
}
