package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestFiles;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Task attachments end to end (issue 17 point 1): the township attaches a PDF to its task; the secretary sees and
 * downloads it, may attach a photo only after signing, and its photo shows on the sender's side; bad files are named.
 */
class TaskFilesApiTest extends IntegrationTest {
    @Test
    void senderFilesAndFeedbackPhotos() {
        Api township = as("township");
        Api secretary = as("secretary");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        Api.Response sent = township.post("/api/v1/tasks", "{\"title\":\"附件任务\",\"content\":\"请按附件要求反馈现场照片\",\"dueOn\":\""
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5) + "\",\"feedbackKind\":\"PHOTO\",\"targets\":{\"orgIds\":["
                + facts.ownBranchId() + "]}}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        long task = sent.at("/id").asLong();
        String base = "/api/v1/tasks/" + task;

        Api.Response pdf = township.multipart(base + "/files", "通知.pdf", TestFiles.pdf());
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
        long pdfId = pdf.at("/id").asLong();
        assertThat(township.multipart(base + "/files", "x.pdf", "not a pdf".getBytes()).body()).contains("file");
        assertThat(secretary.multipart(base + "/files", "a.png", TestFiles.png()).status()).isEqualTo(403);

        JsonNode seen = secretary.get(base + "/files").json();
        assertThat(seen.size()).isEqualTo(1);
        assertThat(seen.get(0).get("fileName").asText()).isEqualTo("通知.pdf");
        assertThat(Arrays.equals(secretary.bytes(base + "/files/" + pdfId), TestFiles.pdf())).isTrue();

        assertThat(secretary.multipart(base + "/feedback/files", "a.png", TestFiles.png()).status()).isEqualTo(409); // not signed
        assertThat(secretary.post(base + "/receipt", "{}").status()).isEqualTo(200);
        Api.Response photo = secretary.multipart(base + "/feedback/files", "现场.png", TestFiles.png());
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        assertThat(photo.at("/orgId").asLong()).isEqualTo(facts.ownBranchId());
        assertThat(secretary.post(base + "/feedback", "{\"text\":\"已完成，照片见附件\"}").status()).isEqualTo(200);

        JsonNode all = township.get(base + "/files").json();
        assertThat(all.size()).isEqualTo(2);
        assertThat(all.toString()).contains("现场.png").contains("通知.pdf");
        assertThat(Arrays.equals(township.bytes(base + "/files/" + photo.at("/id").asLong()), TestFiles.png())).isTrue();
        assertThat(as("county").get(base + "/files").json().size()).isEqualTo(2);
        assertThat(as("auditor").get("/api/v1/audit?action=command.task.file&size=5").body()).contains("现场.png");
    }
}
