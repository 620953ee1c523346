package io.zhibu.learning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.learning.LearningRecords.AnswerForm;
import io.zhibu.learning.LearningRecords.AttemptView;
import io.zhibu.learning.LearningRecords.Audience;
import io.zhibu.learning.LearningRecords.BankForm;
import io.zhibu.learning.LearningRecords.BankSummary;
import io.zhibu.learning.LearningRecords.BankView;
import io.zhibu.learning.LearningRecords.Beat;
import io.zhibu.learning.LearningRecords.BranchHours;
import io.zhibu.learning.LearningRecords.CadreForm;
import io.zhibu.learning.LearningRecords.Completion;
import io.zhibu.learning.LearningRecords.HoursLine;
import io.zhibu.learning.LearningRecords.ImportResult;
import io.zhibu.learning.LearningRecords.LevelForm;
import io.zhibu.learning.LearningRecords.LevelView;
import io.zhibu.learning.LearningRecords.Library;
import io.zhibu.learning.LearningRecords.MaterialForm;
import io.zhibu.learning.LearningRecords.MaterialKind;
import io.zhibu.learning.LearningRecords.MaterialSummary;
import io.zhibu.learning.LearningRecords.MaterialView;
import io.zhibu.learning.LearningRecords.MemberHours;
import io.zhibu.learning.LearningRecords.MyHours;
import io.zhibu.learning.LearningRecords.OfflineForm;
import io.zhibu.learning.LearningRecords.QuestionForm;
import io.zhibu.learning.LearningRecords.QuestionView;
import io.zhibu.learning.MaterialService;
import io.zhibu.learning.PaperService;
import io.zhibu.learning.QuizService;
import io.zhibu.learning.StudyHours;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Learning API (党员教育): materials and genuine study time, study hours (学时), question banks and the level game. */
@RestController
@RequestMapping("/api/v1/learning")
@Tag(name = "learning", description = "Member education (党员教育), rules.md §7")
public class LearningApiController {
    private final MaterialService materials;
    private final StudyHours hours;
    private final QuizService quiz;
    private final PaperService papers;

    public LearningApiController(MaterialService materials, StudyHours hours, QuizService quiz, PaperService papers) {
        this.materials = materials;
        this.hours = hours;
        this.quiz = quiz;
        this.papers = papers;
    }

    // --- materials

    @GetMapping("/materials")
    @Operation(summary = "Materials the caller may read: the period's required list (default this month) and the rest")
    public Library library(@RequestParam(required = false) String period, @RequestParam(required = false) String topic) {
        return materials.library(CurrentScope.get(), period, topic);
    }

    @GetMapping("/materials/{id}")
    @Operation(summary = "One material; for members with their dwell so far and completion")
    public MaterialView material(@PathVariable long id) {
        return materials.get(CurrentScope.get(), id);
    }

    @GetMapping("/materials/{id}/file")
    @Operation(summary = "The uploaded PDF or video of a material")
    public ResponseEntity<byte[]> file(@PathVariable long id) {
        return Files.of(materials.file(CurrentScope.get(), id));
    }

    @PostMapping(path = "/materials", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Publish an article (HTML, sanitized) or a video link for the org's subtree")
    public MaterialSummary publish(@RequestBody MaterialForm form) {
        return materials.publish(CurrentScope.get(), form, null, null);
    }

    @PostMapping(path = "/materials/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Publish a PDF or an uploaded video; the file must really be what its name says (magic bytes)")
    public MaterialSummary upload(@RequestParam(required = false) Long orgId, @RequestParam MaterialKind kind,
                                  @RequestParam(required = false) String title, @RequestParam(required = false) String topic,
                                  @RequestParam(required = false) Audience audience,
                                  @RequestParam(required = false) Integer minutes,
                                  @RequestParam(required = false) String requiredPeriod,
                                  @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        return materials.publish(CurrentScope.get(), new MaterialForm(orgId, kind, title, topic, audience, minutes, null,
                null, requiredPeriod), file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
    }

    @PostMapping("/materials/{id}/beat")
    @Operation(summary = "Heartbeat from the open page (members): adds genuine dwell by the server clock")
    public Beat beat(@PathVariable long id) {
        return materials.beat(CurrentScope.get(), id);
    }

    @PostMapping("/materials/{id}/complete")
    @Operation(summary = "Mark completed (members): needs the minimum dwell; repeated = the first completion, nothing counted again")
    public Completion complete(@PathVariable long id) {
        return materials.complete(CurrentScope.get(), id);
    }

    // --- study hours

    @GetMapping("/hours/me")
    @Operation(summary = "The member's own 学时 of the year against the requirement, with the coming study days")
    public MyHours myHours(@RequestParam(required = false) Integer year) {
        DataScope scope = CurrentScope.get();
        if (scope.selfMemberId() == null) {
            throw new ForbiddenException("only members have their own study hours");
        }
        return hours.member(scope, scope.selfMemberId(), year);
    }

    @GetMapping("/hours/members/{memberId}")
    @Operation(summary = "A member's 学时 of the year (online, training meetings, offline) with every line")
    public MyHours memberHours(@PathVariable long memberId, @RequestParam(required = false) Integer year) {
        return hours.member(CurrentScope.get(), memberId, year);
    }

    @GetMapping("/hours/branches/{orgId}")
    @Operation(summary = "A branch's members against the annual requirement, those behind schedule first")
    public BranchHours branchHours(@PathVariable long orgId, @RequestParam(required = false) Integer year) {
        return hours.branch(CurrentScope.get(), orgId, year);
    }

    @PostMapping(path = "/hours/offline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enter offline training for members of a branch (half hours, ≤8 a day, split by year)")
    public List<HoursLine> offline(@RequestParam long orgId, @RequestBody OfflineForm form) {
        return hours.recordOffline(CurrentScope.get(), orgId, form, null, null);
    }

    @PutMapping("/hours/members/{memberId}/cadre")
    @Operation(summary = "Mark a member as secretary/committee member (56 学时) or not (32 学时)")
    public MemberHours cadre(@PathVariable long memberId, @RequestBody CadreForm form) {
        return hours.setCadre(CurrentScope.get(), memberId, form != null && Boolean.TRUE.equals(form.cadre()));
    }

    @GetMapping("/study-days")
    @Operation(summary = "The fixed monthly study days of a year (default the 23rd)")
    public List<LocalDate> studyDays(@RequestParam(required = false) Integer year) {
        CurrentScope.get();
        return hours.studyDays(year == null ? hours.today().getYear() : Math.max(2000, Math.min(2100, year)));
    }

    // --- banks and the level game

    @GetMapping("/banks")
    @Operation(summary = "Question banks the caller may read")
    public List<BankSummary> banks() {
        return quiz.banks(CurrentScope.get());
    }

    @PostMapping("/banks")
    @Operation(summary = "Create a question bank for an org's subtree")
    public BankSummary createBank(@RequestBody BankForm form) {
        return quiz.createBank(CurrentScope.get(), form);
    }

    @GetMapping("/banks/{id}")
    @Operation(summary = "A bank with its levels (members: their progress); editors also get the questions with keys")
    public BankView bank(@PathVariable long id) {
        return quiz.bank(CurrentScope.get(), id);
    }

    @PostMapping("/banks/{id}/questions")
    @Operation(summary = "Add a question (answer as letters, e.g. \"B\" or \"ACD\"; true/false: A = 正确, B = 错误)")
    public QuestionView addQuestion(@PathVariable long id, @RequestBody QuestionForm form) {
        return quiz.addQuestion(CurrentScope.get(), id, form);
    }

    @PutMapping("/banks/{id}/questions/{questionId}")
    @Operation(summary = "Edit a question (send the version read)")
    public QuestionView updateQuestion(@PathVariable long id, @PathVariable long questionId, @RequestBody QuestionForm form) {
        return quiz.updateQuestion(CurrentScope.get(), id, questionId, form);
    }

    @GetMapping("/banks/{id}/questions/{questionId}")
    @Operation(summary = "One question with its key (those who edit the bank)")
    public QuestionView question(@PathVariable long id, @PathVariable long questionId) {
        return quiz.question(CurrentScope.get(), id, questionId);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/banks/{id}/questions/{questionId}")
    @Operation(summary = "Remove a question: DELETED if never used, else RETIRED (inactive, kept for past attempts and papers)")
    public io.zhibu.learning.LearningRecords.QuestionRemoval removeQuestion(@PathVariable long id, @PathVariable long questionId) {
        return quiz.removeQuestion(CurrentScope.get(), id, questionId);
    }

    @PutMapping("/banks/{id}/questions/{questionId}/active")
    @Operation(summary = "Retire ({\"active\":false}: never drawn again) or restore a question")
    public QuestionView setActive(@PathVariable long id, @PathVariable long questionId,
                                  @RequestBody io.zhibu.learning.LearningRecords.ActiveForm form) {
        if (form == null || form.active() == null) {
            throw io.zhibu.shared.InvalidInputException.of("active", "validation.required");
        }
        quiz.setActive(CurrentScope.get(), id, questionId, form.active());
        return quiz.question(CurrentScope.get(), id, questionId);
    }

    @PostMapping(path = "/banks/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import questions from .xlsx/.csv (题型, 题干, A–F, 答案, 解析); any bad row: nothing is written")
    public ImportResult importQuestions(@PathVariable long id,
                                        @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        return quiz.importQuestions(CurrentScope.get(), id, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
    }

    @PutMapping("/banks/{id}/levels/{levelNo}")
    @Operation(summary = "Define a level: questions drawn, correct answers needed, seconds per question")
    public LevelView setLevel(@PathVariable long id, @PathVariable int levelNo, @RequestBody LevelForm form) {
        return quiz.setLevel(CurrentScope.get(), id, new LevelForm(levelNo, form.questions(), form.passCorrect(),
                form.secondsPerQuestion()));
    }

    @PostMapping("/banks/{id}/levels/{levelNo}/attempts")
    @Operation(summary = "Start a level (members): open level, daily attempt cap, random questions without repetition")
    public AttemptView start(@PathVariable long id, @PathVariable int levelNo) {
        return quiz.start(CurrentScope.get(), id, levelNo);
    }

    @GetMapping("/attempts/{id}")
    @Operation(summary = "The attempt and its current question (the question's clock starts when first shown)")
    public AttemptView attempt(@PathVariable long id) {
        return quiz.attempt(CurrentScope.get(), id);
    }

    @PostMapping("/attempts/{id}/answers")
    @Operation(summary = "Answer the current question; after its time limit the answer is refused (409) and counts as wrong")
    public AttemptView answer(@PathVariable long id, @RequestBody AnswerForm form) {
        return quiz.answer(CurrentScope.get(), id, form);
    }

    // --- closed-book tests and contests

    @GetMapping("/papers")
    @Operation(summary = "Tests and contests open to the caller's organization (members: with their score)")
    public List<io.zhibu.learning.LearningRecords.PaperView> papers() {
        return papers.list(CurrentScope.get());
    }

    @PostMapping("/papers")
    @Operation(summary = "Create a test or contest: a fixed paper drawn once from a bank, with a time window and minutes")
    public io.zhibu.learning.LearningRecords.PaperView createPaper(@RequestBody io.zhibu.learning.LearningRecords.PaperForm form) {
        return papers.create(CurrentScope.get(), form);
    }

    @GetMapping("/papers/{id}/sheet")
    @Operation(summary = "The member's paper (starts their clock on first view, inside the window)")
    public io.zhibu.learning.LearningRecords.PaperSheet sheet(@PathVariable long id) {
        return papers.sheet(CurrentScope.get(), id);
    }

    @PostMapping("/papers/{id}/submit")
    @Operation(summary = "Submit the answers once ({\"answers\":{\"1\":\"B\",\"2\":\"AC\"}}); after the deadline refused (409)")
    public io.zhibu.learning.LearningRecords.PaperSheet submit(@PathVariable long id,
                                                              @RequestBody io.zhibu.learning.LearningRecords.SubmitForm form) {
        return papers.submit(CurrentScope.get(), id, form);
    }

    @GetMapping("/papers/{id}/ranking")
    @Operation(summary = "Ranking within a branch or any subtree in scope (score, then time used)")
    public io.zhibu.learning.LearningRecords.Ranking ranking(@PathVariable long id, @RequestParam(required = false) Long orgId) {
        return papers.ranking(CurrentScope.get(), id, orgId);
    }
}
