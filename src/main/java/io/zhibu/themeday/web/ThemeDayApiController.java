package io.zhibu.themeday.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.meeting.ThemeDayPicks;
import io.zhibu.shared.CurrentScope;
import io.zhibu.themeday.ThemeDayService;
import io.zhibu.themeday.ThemeDayViews.Detail;
import io.zhibu.themeday.ThemeDayViews.File;
import io.zhibu.themeday.ThemeDayViews.Form;
import io.zhibu.themeday.ThemeDayViews.Theme;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 主题党日 content library (issue 21 point 6). */
@RestController
@RequestMapping("/api/v1/theme-days")
@Tag(name = "theme-day", description = "主题党日 content library: monthly themes published down the tree, picked by branch meetings")
public class ThemeDayApiController {
    private final ThemeDayService service;
    private final ThemeDayPicks picks;

    public ThemeDayApiController(ThemeDayService service, ThemeDayPicks picks) {
        this.service = service;
        this.picks = picks;
    }

    @GetMapping
    @Operation(summary = "Themes offered to an organization (the caller's when orgId is omitted) and, for organizations, "
            + "those published in its subtree; month (yyyy-MM) filters")
    public List<Theme> list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String month) {
        return service.list(CurrentScope.get(), orgId, month);
    }

    @GetMapping("/choices")
    @Operation(summary = "Themes a branch may pick for a theme-day meeting on date (the month and the months beside it)")
    public List<ThemeDayPicks.Choice> choices(@RequestParam long orgId,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return picks.choices(CurrentScope.get(), orgId, date == null ? LocalDate.now() : date);
    }

    @GetMapping("/meetings/{meetingId}")
    @Operation(summary = "The theme a meeting picked (404 when none or out of scope)")
    public Theme ofMeeting(@PathVariable long meetingId) {
        return service.pickOf(CurrentScope.get(), meetingId).orElseThrow(() -> new io.zhibu.shared.NotFoundException("meeting", meetingId));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A theme with its material files and the meetings (of the caller's scope) that picked it")
    public Detail get(@PathVariable long id) {
        return service.get(CurrentScope.get(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a theme for a month to a committee's subtree (organization department)")
    public Theme publish(@RequestBody Form form) {
        return service.publish(CurrentScope.get(), form);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a theme (version required)")
    public Theme update(@PathVariable long id, @RequestBody Form form) {
        return service.update(CurrentScope.get(), id, form);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a theme (no longer offered; meetings keep their link)")
    public Theme withdraw(@PathVariable long id) {
        return service.withdraw(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/files")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a material file (request body = the file; PDF, Office, JPEG/PNG; checked by content)")
    public File attach(@PathVariable long id, @RequestParam(required = false) String name,
                       @RequestBody(required = false) byte[] body) {
        return service.attach(CurrentScope.get(), id, name, body);
    }

    @GetMapping("/{id}/files/{fileId}")
    @Operation(summary = "Download a material file")
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return FileResponses.of(service.download(CurrentScope.get(), id, fileId));
    }
}
