package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The 三率测评 list for a county: filtered by name and cut into pages (a county opens a survey per branch each year),
 * and the form to open one asks for the branch with a picker, never for an organization number.
 */
class SurveyListPageTest extends IntegrationTest {
    @Test
    void theListFiltersAndPagesAndTheFormHasNoNumberField() {
        WebSession county = new WebSession(port, "county", PASSWORD);
        WebSession.Page all = county.get("/assessment/surveys");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).doesNotContain("type=\"number\" name=\"orgId\"");

        WebSession.Page none = county.get("/assessment/surveys?q=" + "没有这样的名称");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).contains("没有这样的名称");     // the filter is kept in the box
        assertThat(none.body()).doesNotContain("/assessment/surveys/1\"");
        assertThat(county.get("/assessment/surveys?page=999").status()).isEqualTo(200);
    }
}
