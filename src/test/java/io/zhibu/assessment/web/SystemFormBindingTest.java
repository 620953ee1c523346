package io.zhibu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.StandardSystem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editor's field names become the tree: index gaps keep the order, empty rows vanish, judged items drop facts. */
class SystemFormBindingTest {
    @Test
    void bindsTheTree() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("code", "T-1");
        f.put("name", "测试体系");
        f.put("domain", "ALL");
        f.put("total", "30");
        f.put("a3.code", "A");
        f.put("a3.name", "方面");
        f.put("a3.s0.code", "A1");
        f.put("a3.s0.name", "标准");
        f.put("a3.s0.i10.code", "A1b");
        f.put("a3.s0.i10.points", "10");
        f.put("a3.s0.i10.mode", "JUDGED");
        f.put("a3.s0.i10.fact", "meeting.three_one_rate");
        f.put("a3.s0.i2.code", "A1a");
        f.put("a3.s0.i2.points", "20,5");
        f.put("a3.s0.i2.mode", "DERIVED");
        f.put("a3.s0.i2.fact", "meeting.three_one_rate");
        f.put("a3.s0.i2.fullAt", "100");
        f.put("a3.s0.i2.zeroAt", "50");
        f.put("a3.s0.i5.mode", "DERIVED"); // an added row left empty
        f.put("v0.code", "V1");
        f.put("v0.name", "人工否决");
        f.put("v0.fact", "");
        f.put("v0.op", "LT");
        f.put("t1.stars", "3");
        f.put("t1.min", "18");
        f.put("t1.below", "");
        f.put("t2.stars", "");
        f.put("t2.min", "");
        f.put("_csrf", "x");
        SystemFormBinding.Bound b = SystemFormBinding.bind(f);
        assertThat(b.errors()).isEmpty();
        StandardSystem s = b.system();
        assertThat(s.items()).extracting(StandardSystem.Item::code).containsExactly("A1a", "A1b");
        assertThat(s.items().get(0).points()).isEqualByComparingTo("20.5");
        assertThat(s.items().get(0).fact()).isEqualTo("meeting.three_one_rate");
        assertThat(s.items().get(1).fact()).isNull();
        assertThat(s.items().get(1).mode()).isEqualTo(StandardSystem.ScoringMode.JUDGED);
        assertThat(s.vetoList()).singleElement().satisfies(v -> {
            assertThat(v.judged()).isTrue();
            assertThat(v.op()).isNull();
        });
        assertThat(s.tierList()).singleElement().satisfies(t -> {
            assertThat(t.stars()).isEqualTo(3);
            assertThat(t.below()).isNull();
        });
        assertThat(s.total()).isEqualByComparingTo("30");
    }

    @Test
    void reportsNonNumbers() {
        SystemFormBinding.Bound b = SystemFormBinding.bind(Map.of("total", "hundred", "a0.s0.i0.code", "X",
                "a0.s0.i0.points", "ten"));
        assertThat(b.errors()).extracting(v -> v.field() + " " + v.code())
                .containsExactlyInAnyOrder("total assessment.form.number", "items.X assessment.form.number");
    }
}
