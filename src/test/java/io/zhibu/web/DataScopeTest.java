package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import io.zhibu.support.WebSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Data scope is enforced on every endpoint (issue: "a branch secretary asking for another branch's member by id
 * gets 404"). Every handler mapping of the application must have a probe in some {@link ScopeProbeSet}: adding an
 * endpoint without one fails {@link #everyEndpointHasAScopeProbe()}, so no endpoint ships unchecked.
 */
class DataScopeTest extends IntegrationTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private ScopeContext context;
    private final Map<String, Consumer<ScopeContext>> probes = new LinkedHashMap<>();
    private final Map<String, String> exempt = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        Api secretary = as("secretary");
        Api township = as("township");
        DemoFacts facts = DemoFacts.discover(as("admin"), secretary, township);
        context = new ScopeContext(facts, secretary, township, new WebSession(port, "secretary", PASSWORD),
                new WebSession(port, "township", PASSWORD), this::as);
        for (ScopeProbeSet set : probeSets()) {
            for (var e : set.probes().entrySet()) {
                if (probes.put(e.getKey(), e.getValue()) != null) {
                    fail("two probes for " + e.getKey());
                }
            }
            exempt.putAll(set.exempt());
        }
    }

    static List<ScopeProbeSet> probeSets() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ScopeProbeSet.class));
        List<ScopeProbeSet> sets = new ArrayList<>();
        for (var bd : scanner.findCandidateComponents("io.zhibu")) {
            sets.add((ScopeProbeSet) Class.forName(bd.getBeanClassName()).getDeclaredConstructor().newInstance());
        }
        return sets;
    }

    @Test
    void everyEndpointHasAScopeProbe() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("io.zhibu")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                for (var m : info.getMethodsCondition().getMethods()) {
                    endpoints.add(m.name() + " " + pattern);
                }
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
            }
        });
        assertThat(endpoints).hasSizeGreaterThan(20);
        for (String e : endpoints) {
            if (!probes.containsKey(e) && !exempt.containsKey(e)) {
                fail("Endpoint '" + e + "' has no data-scope probe: add one to the module's ScopeProbeSet (or an exemption with a reason)");
            }
        }
    }

    @Test
    void everyProbePasses() {
        probes.forEach((endpoint, probe) -> {
            try {
                probe.accept(context);
            } catch (AssertionError e) {
                throw new AssertionError("scope probe failed for " + endpoint + ": " + e.getMessage(), e);
            }
        });
    }

    @Test
    void homeShowsOnlyOwnScope() {
        String body = context.secretaryWeb().get("/").body();
        assertThat(body).doesNotContain(context.facts().foreignBranchName());
    }
}
