package io.zhibu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

/**
 * What a scope probe works with: the demo facts (own and foreign branch/member), API clients and page sessions of
 * the branch secretary and the township staff, and the usual assertions ("404 and no foreign data").
 */
public record ScopeContext(DemoFacts facts, Api secretary, Api township, WebSession secretaryWeb,
                           WebSession townshipWeb, Function<String, Api> login) {

    public Api as(String username) {
        return login.apply(username);
    }

    /** As the branch secretary: the call answers 404 and leaks nothing of the foreign branch. */
    public void api404(String method, String path) {
        api404(method, path, null);
    }

    public void api404(String method, String path, String json) {
        Api.Response r = secretary.send(method, path, json);
        assertThat(r.status()).as(method + " " + path).isEqualTo(404);
        assertThat(r.body()).doesNotContain(facts.foreignBranchName());
    }

    /** As the township staff (a superior scope that still does not cover the foreign township). */
    public void township404(String method, String path, String json) {
        Api.Response r = township.send(method, path, json);
        assertThat(r.status()).as(method + " " + path).isEqualTo(404);
        assertThat(r.body()).doesNotContain(facts.foreignBranchName());
    }

    public void page404(WebSession.Page page) {
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(facts.foreignBranchName());
    }
}
