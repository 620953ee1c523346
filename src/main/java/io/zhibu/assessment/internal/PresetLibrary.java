package io.zhibu.assessment.internal;

import io.zhibu.assessment.AssessmentViews.PresetInfo;
import io.zhibu.assessment.StandardSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The shipped presets ({@code classpath:assessment/presets/*.json}), faithful to the source reports (issue 18): Jiaozuo
 * 7 aspects / 42 standards, Minhang five-good common standards per domain (农村、社区、两新、机关、事业单位、党委) with the
 * four high-voltage lines, Qingshen 6+X with 7 aspects and its five no-star conditions, the venue tiers.
 */
@Component
public class PresetLibrary {
    private final Map<String, StandardSystem> presets = new LinkedHashMap<>();

    public PresetLibrary() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:assessment/presets/*.json");
            java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    presets.put(r.getFilename().replace(".json", ""), CampaignEngine.JSON.readValue(in, StandardSystem.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<PresetInfo> list() {
        return presets.entrySet().stream().map(e -> {
            StandardSystem s = e.getValue();
            return new PresetInfo(e.getKey(), s.name(), s.domain(), s.aspects().size(), s.items().size(),
                    s.allVetoes().size(), s.aspects().stream().mapToInt(a -> a.standards().size()).sum(),
                    s.vetoList().size(), s.aspects().stream().map(StandardSystem.Aspect::name).toList(),
                    s.allVetoes().stream().map(StandardSystem.Veto::name).toList(), s.note());
        }).toList();
    }

    public Optional<StandardSystem> get(String id) {
        return Optional.ofNullable(id == null ? null : presets.get(id));
    }
}
