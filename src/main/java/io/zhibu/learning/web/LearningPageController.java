package io.zhibu.learning.web;

import io.zhibu.learning.LearningRecords.AnswerForm;
import io.zhibu.learning.LearningRecords.AttemptView;
import io.zhibu.learning.LearningRecords.Audience;
import io.zhibu.learning.LearningRecords.BankForm;
import io.zhibu.learning.LearningRecords.Completion;
import io.zhibu.learning.LearningRecords.HoursLine;
import io.zhibu.learning.LearningRecords.ImportResult;
import io.zhibu.learning.LearningRecords.LevelForm;
import io.zhibu.learning.LearningRecords.MaterialForm;
import io.zhibu.learning.LearningRecords.MaterialKind;
import io.zhibu.learning.LearningRecords.MaterialSummary;
import io.zhibu.learning.LearningRecords.OfflineForm;
import io.zhibu.learning.LearningRecords.QuestionForm;
import io.zhibu.learning.LearningRecords.QuestionKind;
import io.zhibu.learning.MaterialService;
import io.zhibu.learning.PaperService;
import io.zhibu.learning.QuizService;
import io.zhibu.learning.StudyHours;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Learning pages (学习): the study list and reader with heartbeats, study hours, banks and the level game. */
@Controller
@RequestMapping("/learning")
public class LearningPageController {
    private final MaterialService materials;
    private final StudyHours hours;
    private final QuizService quiz;
    private final Messages messages;
    private final PaperService papers;
    private final java.time.Clock clock;

    public LearningPageController(MaterialService materials, StudyHours hours, QuizService quiz, Messages messages,
                                  PaperService papers, java.time.Clock clock) {
        this.materials = materials;
        this.hours = hours;
        this.quiz = quiz;
        this.messages = messages;
        this.papers = papers;
        this.clock = clock;
    }

    // --- materials

    @GetMapping
    public String library(@RequestParam(required = false) String period, @RequestParam(required = false) String topic,
                          Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("lib", materials.library(scope, period, topic));
        model.addAttribute("canPublish", scope.canManageMembers());
        model.addAttribute("isMember", scope.selfOnly());
        return "learning/library";
    }

    @GetMapping("/materials/new")
    public String newMaterial(Model model) {
        DataScope scope = CurrentScope.get();
        io.zhibu.learning.internal.Access.requireManager(scope);
        model.addAttribute("kinds", messages.labels(MaterialKind.values(), "learning.kind."));
        model.addAttribute("audiences", messages.labels(Audience.values(), "learning.audience."));
        model.addAttribute("scopeOrgId", scope.scopeOrgId());
        return "learning/new-material";
    }

    @PostMapping("/materials")
    public String publish(@RequestParam(required = false) Long orgId, @RequestParam(required = false) MaterialKind kind,
                          @RequestParam(required = false) String title, @RequestParam(required = false) String topic,
                          @RequestParam(required = false) Audience audience, @RequestParam(required = false) Integer minutes,
                          @RequestParam(required = false) String bodyHtml, @RequestParam(required = false) String videoUrl,
                          @RequestParam(required = false) String requiredPeriod,
                          @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
        return act(flash, "/learning/materials/new", () -> {
            byte[] bytes = bytes(file);
            MaterialSummary m = materials.publish(CurrentScope.get(), new MaterialForm(orgId, kind, title, topic, audience,
                    minutes, bodyHtml, videoUrl, requiredPeriod), file == null ? null : file.getOriginalFilename(), bytes);
            flash.addFlashAttribute("notice", messages.get("learning.published.notice", m.title()));
            return "redirect:/learning/materials/" + m.id();
        });
    }

    @GetMapping("/materials/{id}")
    public String material(@PathVariable long id, Model model) {
        model.addAttribute("m", materials.get(CurrentScope.get(), id));
        return "learning/material";
    }

    @GetMapping("/materials/{id}/file")
    public ResponseEntity<byte[]> file(@PathVariable long id) {
        return Files.of(materials.file(CurrentScope.get(), id));
    }

    /** htmx heartbeat of the open reader: answers the dwell line (fragment). */
    @PostMapping("/materials/{id}/beat")
    public String beat(@PathVariable long id, Model model) {
        model.addAttribute("b", materials.beat(CurrentScope.get(), id));
        return "learning/material :: dwell";
    }

    @PostMapping("/materials/{id}/complete")
    public String complete(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "/learning/materials/" + id, () -> {
            Completion c = materials.complete(CurrentScope.get(), id);
            flash.addFlashAttribute("notice", c.repeated() ? messages.get("learning.complete.repeated", c.date())
                    : c.capped() ? messages.get("learning.complete.capped", c.minutes())
                    : messages.get("learning.complete.notice", c.minutes()));
            return "redirect:/learning/materials/" + id;
        });
    }

    // --- study hours

    @GetMapping("/hours")
    public String hoursHome(@RequestParam(required = false) Integer year) {
        DataScope scope = CurrentScope.get();
        String y = year == null ? "" : "?year=" + year;
        if (scope.selfMemberId() != null) {
            return "redirect:/learning/hours/members/" + scope.selfMemberId() + y;
        }
        if (scope.scopeOrgId() != null && scope.role() == Role.BRANCH_SECRETARY) {
            return "redirect:/learning/hours/branch?orgId=" + scope.scopeOrgId() + (year == null ? "" : "&year=" + year);
        }
        return "redirect:/learning";
    }

    @GetMapping("/hours/members/{memberId}")
    public String memberHours(@PathVariable long memberId, @RequestParam(required = false) Integer year, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("h", hours.member(scope, memberId, year));
        model.addAttribute("isSelf", scope.selfOnly());
        return "learning/hours";
    }

    @GetMapping("/hours/branch")
    public String branchHours(@RequestParam long orgId, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("b", hours.branch(CurrentScope.get(), orgId, year));
        model.addAttribute("today", hours.today());
        return "learning/branch-hours";
    }

    @PostMapping("/hours/offline")
    public String offline(@RequestParam long orgId, @RequestParam(required = false) List<Long> memberIds,
                          @RequestParam(required = false) String title,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) BigDecimal hoursValue,
                          @RequestParam(required = false) String evidence,
                          @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
        String back = "/learning/hours/branch?orgId=" + orgId;
        return act(flash, back, () -> {
            List<HoursLine> lines = hours.recordOffline(CurrentScope.get(), orgId, new OfflineForm(memberIds, title, from,
                    to, hoursValue, evidence), file == null ? null : file.getOriginalFilename(), bytes(file));
            flash.addFlashAttribute("notice", messages.get("learning.offline.notice", lines.size()));
            return "redirect:" + back;
        });
    }

    @PostMapping("/hours/members/{memberId}/cadre")
    public String cadre(@PathVariable long memberId, @RequestParam(required = false) boolean cadre,
                        RedirectAttributes flash) {
        String back = "/learning/hours/members/" + memberId;
        return act(flash, back, () -> {
            hours.setCadre(CurrentScope.get(), memberId, cadre);
            return "redirect:" + back;
        });
    }

    // --- banks and the level game

    @GetMapping("/quiz")
    public String banks(Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("banks", quiz.banks(scope));
        model.addAttribute("canCreate", scope.canManageMembers() && scope.scopeOrgId() != null);
        return "learning/banks";
    }

    @PostMapping("/quiz/banks")
    public String createBank(@RequestParam(required = false) String name, RedirectAttributes flash) {
        return act(flash, "/learning/quiz", () -> {
            var b = quiz.createBank(CurrentScope.get(), new BankForm(null, name));
            return "redirect:/learning/quiz/banks/" + b.id();
        });
    }

    @GetMapping("/quiz/banks/{id}")
    public String bank(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("v", quiz.bank(scope, id));
        model.addAttribute("isMember", scope.selfOnly());
        model.addAttribute("kinds", messages.labels(QuestionKind.values(), "learning.qkind."));
        return "learning/bank";
    }

    @PostMapping("/quiz/banks/{id}/import")
    public String importQuestions(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                                  RedirectAttributes flash) {
        String back = "/learning/quiz/banks/" + id;
        return act(flash, back, () -> {
            ImportResult r = quiz.importQuestions(CurrentScope.get(), id, file == null ? null : file.getOriginalFilename(),
                    bytes(file));
            flash.addFlashAttribute("notice", messages.get("learning.import.notice", r.imported()));
            return "redirect:" + back;
        });
    }

    @PostMapping("/quiz/banks/{id}/questions")
    public String addQuestion(@PathVariable long id, @RequestParam(required = false) QuestionKind kind,
                              @RequestParam(required = false) String stem,
                              @RequestParam(required = false) List<String> options,
                              @RequestParam(required = false) String answer,
                              @RequestParam(required = false) String explanation, RedirectAttributes flash) {
        String back = "/learning/quiz/banks/" + id;
        return act(flash, back, () -> {
            quiz.addQuestion(CurrentScope.get(), id, new QuestionForm(kind, stem, options, answer, explanation, null));
            flash.addFlashAttribute("notice", messages.get("learning.question.added"));
            return "redirect:" + back;
        });
    }

    /** The edit form of one question (A–F, answer, explanation; the version read guards concurrent edits). */
    @GetMapping("/quiz/banks/{id}/questions/{questionId}")
    public String question(@PathVariable long id, @PathVariable long questionId, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("bank", quiz.bank(scope, id).bank());
        model.addAttribute("q", quiz.question(scope, id, questionId));
        model.addAttribute("kinds", messages.labels(QuestionKind.values(), "learning.qkind."));
        return "learning/question";
    }

    @PostMapping("/quiz/banks/{id}/questions/{questionId}")
    public String updateQuestion(@PathVariable long id, @PathVariable long questionId,
                                 @RequestParam(required = false) QuestionKind kind,
                                 @RequestParam(required = false) String stem,
                                 @RequestParam(required = false) List<String> options,
                                 @RequestParam(required = false) String answer,
                                 @RequestParam(required = false) String explanation,
                                 @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        String back = "/learning/quiz/banks/" + id + "/questions/" + questionId;
        return act(flash, back, () -> {
            quiz.updateQuestion(CurrentScope.get(), id, questionId, new QuestionForm(kind, stem, options, answer,
                    explanation, version));
            flash.addFlashAttribute("notice", messages.get("learning.question.saved"));
            return "redirect:/learning/quiz/banks/" + id;
        });
    }

    @PostMapping("/quiz/banks/{id}/questions/{questionId}/remove")
    public String removeQuestion(@PathVariable long id, @PathVariable long questionId, RedirectAttributes flash) {
        String back = "/learning/quiz/banks/" + id;
        return act(flash, back, () -> {
            var r = quiz.removeQuestion(CurrentScope.get(), id, questionId);
            flash.addFlashAttribute("notice", messages.get("learning.question.removed." + r.outcome()));
            return "redirect:" + back;
        });
    }

    @PostMapping("/quiz/banks/{id}/questions/{questionId}/restore")
    public String restoreQuestion(@PathVariable long id, @PathVariable long questionId, RedirectAttributes flash) {
        String back = "/learning/quiz/banks/" + id;
        return act(flash, back, () -> {
            quiz.setActive(CurrentScope.get(), id, questionId, true);
            flash.addFlashAttribute("notice", messages.get("learning.question.restored"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/quiz/banks/{id}/levels")
    public String setLevel(@PathVariable long id, @RequestParam(required = false) Integer levelNo,
                           @RequestParam(required = false) Integer questions,
                           @RequestParam(required = false) Integer passCorrect,
                           @RequestParam(required = false) Integer secondsPerQuestion, RedirectAttributes flash) {
        String back = "/learning/quiz/banks/" + id;
        return act(flash, back, () -> {
            quiz.setLevel(CurrentScope.get(), id, new LevelForm(levelNo, questions, passCorrect, secondsPerQuestion));
            return "redirect:" + back;
        });
    }

    @PostMapping("/quiz/banks/{id}/levels/{levelNo}/start")
    public String start(@PathVariable long id, @PathVariable int levelNo, RedirectAttributes flash) {
        return act(flash, "/learning/quiz/banks/" + id, () -> {
            AttemptView a = quiz.start(CurrentScope.get(), id, levelNo);
            return "redirect:/learning/quiz/attempts/" + a.id();
        });
    }

    @GetMapping("/quiz/attempts/{id}")
    public String attempt(@PathVariable long id, Model model) {
        model.addAttribute("a", quiz.attempt(CurrentScope.get(), id));
        return "learning/attempt";
    }

    @PostMapping("/quiz/attempts/{id}/answer")
    public String answer(@PathVariable long id, @RequestParam(required = false) Integer seq,
                         @RequestParam(required = false) List<String> answer, RedirectAttributes flash) {
        String back = "/learning/quiz/attempts/" + id;
        return act(flash, back, () -> {
            AttemptView a = quiz.answer(CurrentScope.get(), id, new AnswerForm(seq,
                    answer == null ? null : String.join("", answer)));
            flash.addFlashAttribute("feedback", a.last());
            return "redirect:" + back;
        });
    }

    // --- closed-book tests and contests

    @GetMapping("/papers")
    public String papers(Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("papers", papers.list(scope));
        model.addAttribute("canCreate", scope.canManageMembers() && scope.scopeOrgId() != null);
        model.addAttribute("banks", scope.canManageMembers() ? quiz.banks(scope) : List.of());
        model.addAttribute("kinds", messages.labels(io.zhibu.learning.LearningRecords.PaperKind.values(), "learning.paperKind."));
        model.addAttribute("now", java.time.LocalDateTime.now(clock).withSecond(0).withNano(0));
        return "learning/papers";
    }

    @PostMapping("/papers")
    public String createPaper(@RequestParam(required = false) io.zhibu.learning.LearningRecords.PaperKind kind,
                              @RequestParam(required = false) String title, @RequestParam(required = false) Long bankId,
                              @RequestParam(required = false) Integer questions,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime opensAt,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime closesAt,
                              @RequestParam(required = false) Integer minutes, RedirectAttributes flash) {
        return act(flash, "/learning/papers", () -> {
            var p = papers.create(CurrentScope.get(), new io.zhibu.learning.LearningRecords.PaperForm(null, kind, title, bankId,
                    questions, offset(opensAt), offset(closesAt), minutes));
            return "redirect:/learning/papers/" + p.id();
        });
    }

    /** Members take the paper; the secretary and superiors see the ranking of a branch or subtree. */
    @GetMapping("/papers/{id}")
    public String paper(@PathVariable long id, @RequestParam(required = false) Long orgId, Model model,
                        RedirectAttributes flash) {
        DataScope scope = CurrentScope.get();
        if (scope.selfOnly()) {
            try {
                model.addAttribute("sheet", papers.sheet(scope, id));
            } catch (ConflictException e) {
                flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
                return "redirect:/learning/papers";
            }
            return "learning/paper";
        }
        model.addAttribute("ranking", papers.ranking(scope, id, orgId));
        return "learning/paper";
    }

    @PostMapping("/papers/{id}/submit")
    public String submitPaper(@PathVariable long id,
                              @RequestParam org.springframework.util.MultiValueMap<String, String> form,
                              RedirectAttributes flash) {
        return act(flash, "/learning/papers", () -> {
            java.util.Map<Integer, String> answers = new java.util.HashMap<>();
            form.forEach((k, v) -> {
                if (k.matches("q\\d{1,3}")) {
                    answers.put(Integer.parseInt(k.substring(1)), String.join("", v));
                }
            });
            var sheet = papers.submit(CurrentScope.get(), id, new io.zhibu.learning.LearningRecords.SubmitForm(answers));
            flash.addFlashAttribute("notice", messages.get("learning.paper.scored", sheet.score()));
            return "redirect:/learning/papers";
        });
    }

    private java.time.OffsetDateTime offset(java.time.LocalDateTime t) {
        return t == null ? null : t.atZone(clock.getZone()).toOffsetDateTime();
    }

    // --- helpers

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null || file.isEmpty() ? null : file.getBytes();
        } catch (IOException e) {
            throw InvalidInputException.of("file", "learning.import.unreadable");
        }
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            List<String> errors = new ArrayList<>();
            e.violations().forEach(v -> errors.add(resolve(v)));
            flash.addFlashAttribute("actionErrors", errors);
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:" + back;
    }

    /** Import rows name their row ("row7.answer"): the message says which row. */
    private String resolve(io.zhibu.shared.Violation v) {
        String text = messages.get(v.code(), v.args());
        if (v.field().matches("row\\d+\\..*")) {
            return messages.get("learning.import.row", v.field().substring(3, v.field().indexOf('.'))) + text;
        }
        return text;
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
