package io.zhibu.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.command.ProjectService;
import io.zhibu.command.TaskFiles;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Task attachments (issue 17 point 1): API (list, upload, download) and the two page forms (sender, receiver). */
@Controller
@Tag(name = "tasks", description = "Tasks sent down the tree (任务下发, issue 17)")
public class TaskFileController {
    private final TaskFiles files;
    private final Messages messages;

    public TaskFileController(TaskFiles files, Messages messages) {
        this.files = files;
        this.messages = messages;
    }

    /** The upload's bytes, or null (the service checks the scope first, then names the missing file). */
    private static byte[] bytes(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }

    @GetMapping("/api/v1/tasks/{id}/files")
    @ResponseBody
    @Operation(summary = "The task's files the caller may see: the sender's, and every receiver's (sender) or its own")
    public List<TaskFiles.TaskFile> list(@PathVariable long id) {
        return files.list(CurrentScope.get(), id);
    }

    @PostMapping(path = "/api/v1/tasks/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The sending side attaches a file to its task (multipart 'file': photo, PDF, office file)")
    public TaskFiles.TaskFile addSenderFile(@PathVariable long id, @RequestParam(value = "file", required = false)
            MultipartFile file) throws IOException {
        return files.addSenderFile(CurrentScope.get(), id, file == null ? null : file.getOriginalFilename(), bytes(file));
    }

    @PostMapping(path = "/api/v1/tasks/{id}/feedback/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The receiving organization attaches a photo or file to its feedback (multipart 'file')")
    public TaskFiles.TaskFile addFeedbackFile(@PathVariable long id, @RequestParam(value = "file", required = false)
            MultipartFile file) throws IOException {
        return files.addFeedbackFile(CurrentScope.get(), id, file == null ? null : file.getOriginalFilename(), bytes(file));
    }

    @GetMapping("/api/v1/tasks/{id}/files/{fileId}")
    @Operation(summary = "One file of the task, if the caller may see it")
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        ProjectService.Evidence e = files.content(CurrentScope.get(), id, fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(e.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(e.bytes());
    }

    @PostMapping("/tasks/{id}/files")
    public String senderForm(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                             RedirectAttributes flash) throws IOException {
        try {
            files.addSenderFile(CurrentScope.get(), id, file == null ? null : file.getOriginalFilename(), bytes(file));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/inbox/{id}/files")
    public String receiverForm(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                               RedirectAttributes flash) throws IOException {
        try {
            files.addFeedbackFile(CurrentScope.get(), id, file == null ? null : file.getOriginalFilename(), bytes(file));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/tasks/inbox/" + id;
    }
}
