package io.zhibu.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import io.zhibu.ZhibuApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries: Spring Modulith's rules, plus "a module touches only its own tables". */
class ModuleBoundariesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.zhibu");

    /** Module package → the prefix of the generated jOOQ classes of the tables it owns. */
    private static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("org", "Org"), Map.entry("member", "Member"), Map.entry("account", "Account"),
            Map.entry("audit", "Audit"), Map.entry("transfer", "Transfer"), Map.entry("development", "Dev"),
            Map.entry("meeting", "Meeting"), Map.entry("dues", "Dues"), Map.entry("supervision", "Supervision"),
            Map.entry("warning", "Warning"), Map.entry("assessment", "Assessment"),
            Map.entry("learning", "Learning"), Map.entry("points", "Points"),
            Map.entry("venue", "Venue"), Map.entry("command", "Command"), Map.entry("serving", "Serving"),
            Map.entry("disclosure", "Disclosure"), Map.entry("themeday", "Themeday"));

    @Test
    void modulesRespectTheirApis() {
        ApplicationModules.of(ZhibuApplication.class,
                JavaClass.Predicates.resideInAPackage("io.zhibu.db..")).verify();
    }

    /**
     * The module diagram in {@code docs/modules/diagram/} is written from the verified model on every run (PlantUML:
     * all modules, and one diagram per module with the modules it uses), so it cannot drift from the code.
     */
    @Test
    void writesTheModuleDiagramIntoDocs() throws java.io.IOException {
        var modules = ApplicationModules.of(ZhibuApplication.class,
                JavaClass.Predicates.resideInAPackage("io.zhibu.db.."));
        new org.springframework.modulith.docs.Documenter(modules,
                org.springframework.modulith.docs.Documenter.Options.defaults().withOutputFolder("docs/modules/diagram"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        // the Documenter lists components and relations in hash order: sort each run of them so that the files only
        // change when the modules do
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("docs/modules/diagram"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                java.nio.file.Files.write(file, sortedRuns(java.nio.file.Files.readAllLines(file)));
            }
        }
        String all = java.nio.file.Files.readString(java.nio.file.Path.of("docs/modules/diagram/components.puml"));
        org.assertj.core.api.Assertions.assertThat(all).contains("Command").contains("Venue").contains("Warning");
    }

    /** Consecutive lines of the same kind (components, relations) sorted; everything else in place. */
    static java.util.List<String> sortedRuns(java.util.List<String> lines) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.List<String> run = new java.util.ArrayList<>();
        String kind = null;
        for (String line : lines) {
            String k = line.strip().startsWith("Rel(") ? "rel" : line.strip().startsWith("Component(") ? "component" : null;
            if (k == null || !k.equals(kind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            if (k == null) {
                out.add(line);
            } else {
                run.add(line);
            }
            kind = k;
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }

    @Test
    void eachModuleUsesOnlyItsOwnTables() {
        for (var owner : TABLE_OWNERS.entrySet()) {
            String prefix = owner.getValue();
            DescribedPredicate<JavaClass> foreignTable = new DescribedPredicate<>("tables of other modules") {
                @Override
                public boolean test(JavaClass c) {
                    if (!c.getPackageName().startsWith("io.zhibu.db.tables")) {
                        return false;
                    }
                    return !c.getSimpleName().startsWith(prefix);
                }
            };
            noClasses().that().resideInAPackage("io.zhibu." + owner.getKey() + "..")
                    .should().dependOnClassesThat(foreignTable)
                    .because("modules talk through APIs and events, never through each other's tables")
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
        DescribedPredicate<JavaClass> anyTable = new DescribedPredicate<>("generated tables") {
            @Override
            public boolean test(JavaClass c) {
                return c.getPackageName().startsWith("io.zhibu.db.tables");
            }
        };
        noClasses().that().resideInAnyPackage("io.zhibu.shared..", "io.zhibu.portal..", "io.zhibu.demo..")
                .should().dependOnClassesThat(anyTable).check(CLASSES);
    }

    /**
     * Modules on the one data-access convention (docs/architecture.md): services call repositories, repositories own
     * jOOQ, statuses are typed by jOOQ forced types. The other modules are listed as a TODO in docs/architecture.md.
     */
    private static final String[] CONVERTED = {"io.zhibu.dues..", "io.zhibu.learning..", "io.zhibu.development..",
            "io.zhibu.points..", "io.zhibu.transfer..", "io.zhibu.member..", "io.zhibu.account..", "io.zhibu.audit..", "io.zhibu.org..", "io.zhibu.warning..", "io.zhibu.meeting..", "io.zhibu.venue..", "io.zhibu.command.."};

    @Test
    void repositoriesOfConvertedModulesHaveNoDbEscapeHatch() {
        noMethods().that().areDeclaredInClassesThat().resideInAnyPackage(CONVERTED)
                .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Repository")
                .should().haveRawReturnType(DSLContext.class)
                .because("repositories own jOOQ: a db() escape hatch lets services build SQL")
                .check(CLASSES);
        DescribedPredicate<JavaMethodCall> repositoryDb = new DescribedPredicate<>("db() of a repository") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getName().equals("db") && call.getTargetOwner().getSimpleName().endsWith("Repository");
            }
        };
        noClasses().that().resideInAnyPackage(CONVERTED).should().callMethodWhere(repositoryDb).check(CLASSES);
    }

    /** {@code Enum.valueOf(r.getStatus())} on a record's getter: the column should be a forced (enum) type instead. */
    private static final Pattern VALUE_OF_GETTER = Pattern.compile(
            "\\b(?!BigDecimal\\b|String\\b|Integer\\b|Long\\b|Boolean\\b)[A-Z]\\w*\\.valueOf\\(\\s*\\w+\\.(get[A-Z]\\w*|value\\d+)\\(\\)\\s*\\)");

    @Test
    void convertedModulesReadNoStatusThroughValueOf() throws IOException {
        assertThat(VALUE_OF_GETTER.matcher("DevState.valueOf(p.getState())").find()).isTrue(); // the rule can fail
        assertThat(VALUE_OF_GETTER.matcher("BigDecimal.valueOf(r.value4())").find()).isFalse();
        List<String> found = new ArrayList<>();
        for (String module : List.of("dues", "learning", "development", "points", "transfer", "member", "account",
                "audit", "org", "warning", "meeting", "venue", "command")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/zhibu", module))) {
                for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (VALUE_OF_GETTER.matcher(lines.get(i)).find()) {
                            found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(found).as("statuses read as strings and parsed: use a jOOQ forced type (pom.xml)").isEmpty();
    }
}
