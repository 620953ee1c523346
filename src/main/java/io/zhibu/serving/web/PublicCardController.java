package io.zhibu.serving.web;

import io.zhibu.serving.DesignationService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public 亮身份 card behind its token (no sign-in, see {@link PublicCardSecurity}): the member's name, the
 * designation, post, commitments, branch and period — nothing else — and the QR code of its own address to print
 * on a door plate or a post sign.
 */
@Controller
@RequestMapping("/public/serving/cards")
public class PublicCardController {
    private final DesignationService designations;

    public PublicCardController(DesignationService designations) {
        this.designations = designations;
    }

    @GetMapping("/{token}")
    public String card(@PathVariable String token, Model model) {
        model.addAttribute("c", designations.card(token));
        model.addAttribute("token", token);
        return "serving/card";
    }

    @GetMapping("/{token}/qr.svg")
    @ResponseBody
    public ResponseEntity<String> qr(@PathVariable String token) {
        designations.card(token);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public/serving/cards/{t}")
                .buildAndExpand(token).toUriString();
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).cacheControl(CacheControl.noStore())
                .body(io.zhibu.shared.web.QrSvg.of(url));
    }
}
