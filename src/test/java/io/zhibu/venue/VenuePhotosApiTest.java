package io.zhibu.venue;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static io.zhibu.db.Tables.VENUE_PHOTO;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestFiles;
import io.zhibu.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Venue and inspection photos (issue 18 point 2) in the shared file store, checked, scoped and audited. */
class VenuePhotosApiTest extends IntegrationTest {
    @Autowired
    DSLContext db;

    @Test
    @DisplayName("the owner adds venue photos, the superior inspection photos; a non-image is refused naming the file")
    void photosOfTheVenueAndItsInspections() {
        Api secretary = as("secretary");
        Api township = as("township");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        Api.Response v = secretary.post("/api/v1/venues", "{\"orgId\":" + branch
                + ",\"name\":\"照片测试活动室\",\"kind\":\"ACTIVITY_ROOM\",\"address\":\"村委会一楼\"}");
        assertThat(v.status()).as(v.body()).isEqualTo(201);
        long id = v.at("/id").asLong();
        int before = db.fetchCount(VENUE_PHOTO);

        Api.Response notImage = secretary.multipart("/api/v1/venues/" + id + "/photos", "fake.png",
                "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.body()).contains("\"file\"");
        assertThat(db.fetchCount(VENUE_PHOTO)).isEqualTo(before);

        Api.Response added = secretary.multipart("/api/v1/venues/" + id + "/photos", "活动室.png", TestFiles.png());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.at("/photos").size()).isEqualTo(1);
        long photo = added.at("/photos/0/id").asLong();
        assertThat(added.at("/photos/0/inspectionId").isNull() || added.at("/photos/0/inspectionId").isMissingNode()).isTrue();
        byte[] bytes = township.bytes("/api/v1/venues/" + id + "/photos/" + photo);
        assertThat(bytes).isEqualTo(TestFiles.png());

        // inspection photos are the inspector's (the superior), not the owner's
        Api.Response insp = township.post("/api/v1/venues/" + id + "/inspections", "{\"inspectedOn\":\"" + LocalDate.now()
                + "\",\"inspector\":\"镇组织委员\",\"place\":18,\"signage\":18,\"rules\":18,\"equipment\":18,\"use\":18}");
        assertThat(insp.status()).as(insp.body()).isEqualTo(201);
        long inspection = insp.at("/inspections/0/id").asLong();
        assertThat(secretary.multipart("/api/v1/venues/" + id + "/photos?inspectionId=" + inspection, "x.png",
                TestFiles.png()).status()).isEqualTo(403);
        assertThat(township.multipart("/api/v1/venues/" + id + "/photos?inspectionId=-4", "x.png", TestFiles.png()).body())
                .contains("\"inspectionId\"");
        Api.Response inspPhoto = township.multipart("/api/v1/venues/" + id + "/photos?inspectionId=" + inspection,
                "检查.png", TestFiles.png());
        assertThat(inspPhoto.status()).as(inspPhoto.body()).isEqualTo(201);
        assertThat(inspPhoto.body()).contains("\"inspectionId\":" + inspection);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("venue.photo"))).isGreaterThanOrEqualTo(2);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("venue.photo").and(AUDIT_EVENT.OUTCOME.ne(io.zhibu.audit.AuditOutcome.SUCCESS))))
                .isGreaterThanOrEqualTo(1);

        String page = new WebSession(port, "township", PASSWORD).get("/venues/" + id).body();
        assertThat(page).contains("id=\"venue-photos\"", "/api/v1/venues/" + id + "/photos/" + photo, "inspection-photos")
                .doesNotContain("venue.photo");
        assertThat(new WebSession(port, "secretary", PASSWORD).get("/venues/" + id).body()).contains("venue-photo-form");
    }
}
