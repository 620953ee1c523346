package io.zhibu.warning.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.web.Messages;
import io.zhibu.warning.Severity;
import io.zhibu.warning.WarningViews;
import io.zhibu.warning.WarningViews.Todo;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** Issue 16 §5: the to-do page groups by kind, in the order of each kind's most pressing item, and never repeats. */
class TodoGroupsTest {
    private final Render render;

    TodoGroupsTest() {
        StaticMessageSource m = new StaticMessageSource();
        m.addMessage("todo.group.warning", Locale.getDefault(), "预警：{0}");
        m.addMessage("todo.group.supervise", Locale.getDefault(), "督办：{0}");
        m.addMessage("todo.group.dues", Locale.getDefault(), "党费");
        m.addMessage("warning.rule.DUES_ARREARS", Locale.getDefault(), "党费欠缴");
        render = new Render(new Messages(m));
    }

    private static Todo todo(String kind, String title, String href) {
        return new Todo(kind, title, LocalDate.of(2026, 12, 31), Severity.WARNING, href, 1L);
    }

    @Test
    void groupsByKindInOrderOfTheFirstItemAndDropsRepeats() {
        List<WarningViews.TodoGroup> groups = render.groups(List.of(
                todo("warning:DUES_ARREARS", "党费欠缴：张三", "/warnings/1"),
                todo("dues", "待交党费：2 个月", "/dues/me"),
                todo("warning:DUES_ARREARS", "党费欠缴：李四", "/warnings/2"),
                todo("warning:DUES_ARREARS", "党费欠缴：张三", "/warnings/1"),
                todo("supervise:DUES_ARREARS", "督办：党费欠缴，3 条", "/warnings?rule=DUES_ARREARS")));
        assertThat(groups).extracting(WarningViews.TodoGroup::heading)
                .containsExactly("预警：党费欠缴", "党费", "督办：党费欠缴");
        assertThat(groups.getFirst().items()).extracting(Todo::title).containsExactly("党费欠缴：张三", "党费欠缴：李四");
        assertThat(groups.stream().mapToInt(g -> g.items().size()).sum()).isEqualTo(4);
    }

    @Test
    void theSameTextWithAnotherLinkIsAnotherTask() {
        List<WarningViews.TodoGroup> groups = render.groups(List.of(
                todo("warning:DUES_ARREARS", "党费欠缴：王五", "/warnings/7"),
                todo("warning:DUES_ARREARS", "党费欠缴：王五", "/warnings/8")));
        assertThat(groups.getFirst().items()).hasSize(2);
    }

    /** Every kind a module gives its to-dos has a heading in both bundles (a missing one showed "todo.group.care"). */
    @Test
    void everyKindInTheSourcesHasAHeadingInBothLanguages() throws java.io.IOException {
        java.util.regex.Pattern kind = java.util.regex.Pattern.compile("new TodoItem\\(\"([A-Za-z]+)[\":]");
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                var m = kind.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    kinds.add(m.group(1));
                }
            }
        }
        assertThat(kinds).contains("dues", "care", "disclosure");
        for (String bundle : List.of("src/main/resources/i18n/warning.properties",
                "src/main/resources/i18n/warning_en.properties")) {
            java.util.Properties p = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(bundle),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                p.load(in);
            }
            assertThat(kinds).as(bundle).allSatisfy(k -> assertThat(p).containsKey("todo.group." + k));
        }
    }
}
