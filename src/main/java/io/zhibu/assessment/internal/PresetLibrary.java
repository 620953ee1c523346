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

/** The shipped presets ({@code classpath:assessment/presets/*.json}): Jiaozuo 7 aspects, Minhang five-good, Qingshen 6+X, venue. */
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
        return presets.entrySet().stream().map(e -> new PresetInfo(e.getKey(), e.getValue().name(), e.getValue().domain(),
                e.getValue().aspects().size(), e.getValue().items().size(), e.getValue().vetoList().size())).toList();
    }

    public Optional<StandardSystem> get(String id) {
        return Optional.ofNullable(id == null ? null : presets.get(id));
    }
}
