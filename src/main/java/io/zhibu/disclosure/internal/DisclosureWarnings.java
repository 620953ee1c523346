package io.zhibu.disclosure.internal;

import io.zhibu.disclosure.DisclosureProperties;
import io.zhibu.disclosure.DisclosureRules;
import io.zhibu.disclosure.Obligations;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * 公开逾期: a required category whose latest period ended more than the grace days ago has no published item (one
 * pass over the owing organizations and one query for the published keys). Closes when the item is published.
 */
@Component
class DisclosureWarnings implements WarningSource {
    private final DisclosureRepository repo;
    private final Obligations obligations;

    DisclosureWarnings(DisclosureRepository repo, Obligations obligations) {
        this.repo = repo;
        this.obligations = obligations;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.DISCLOSURE_MISSING;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        int grace = obligations.properties().grace();
        Set<String> published = repo.publishedKeys(null);
        for (Obligations.Owing o : obligations.of(null)) {
            for (DisclosureProperties.Requirement r : o.requirements()) {
                String period = DisclosureRules.lastOverdue(r.cadence(), today, grace);
                if (published.contains(DisclosureRepository.key(o.org().id(), r.category(), period))) {
                    continue;
                }
                LocalDate due = DisclosureRules.end(r.cadence(), period).orElseThrow().plusDays(grace);
                sink.accept(new WarningCandidate(WarningRule.DISCLOSURE_MISSING,
                        "disclosure:" + o.org().id() + ":" + r.category() + ":" + period, o.org().id(), o.org().path(), null,
                        o.org().name(), "OVERDUE", due, r.category().name() + " " + period));
            }
        }
    }
}
