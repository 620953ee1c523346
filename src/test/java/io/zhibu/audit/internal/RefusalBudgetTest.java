package io.zhibu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.audit.AuditProperties;
import io.zhibu.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19 point 4: a scan of 500 refused requests writes the budget's rows and one summary, not 500 rows. */
class RefusalBudgetTest {
    @Test
    void aScanCannotFloodTheTrail() {
        List<String> rows = new ArrayList<>();
        AuditRefusals writer = new AuditRefusals(null) {
            @Override
            public void write(AccessDeniedListener.Who who, String action, String target, String detail) {
                rows.add(action + " " + target + " " + detail);
            }
        };
        AccessDeniedListener listener = new AccessDeniedListener(writer, new AuditProperties(180, 20));
        for (int i = 0; i < 500; i++) {
            listener.on(new Refusal(Refusal.Kind.NOT_FOUND, "POST", "/api/v1/members/" + i + "/reveal", "member " + i + " not found"));
        }
        assertThat(rows).hasSize(20);
        assertThat(rows.getFirst()).startsWith("refused.notFound POST /api/v1/members/0/reveal");
        listener.flush();
        assertThat(rows).hasSize(21);
        assertThat(rows.getLast()).startsWith("refusal.suppressed").contains("480 refusals");
        listener.flush();
        assertThat(rows).as("nothing more to report").hasSize(21);
    }
}
