package io.zhibu.meeting.web;

import io.zhibu.meeting.AttendanceRates;
import io.zhibu.shared.CurrentScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** R6.3 the branch's attendance publicity list (出勤率公示): each member's rate for the year, printable. */
@Controller
public class AttendanceRatePageController {
    private final AttendanceRates rates;

    public AttendanceRatePageController(AttendanceRates rates) {
        this.rates = rates;
    }

    @GetMapping("/meetings/attendance-rates")
    public String publicity(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                            Model model) {
        model.addAttribute("p", rates.publicity(CurrentScope.get(), orgId, year));
        return "meeting/attendance-rates";
    }
}
