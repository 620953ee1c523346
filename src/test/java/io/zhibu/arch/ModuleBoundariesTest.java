package io.zhibu.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.zhibu.ZhibuApplication;
import java.util.Map;
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
            Map.entry("learning", "Learning"), Map.entry("points", "Points"), Map.entry("command", "Command"));

    @Test
    void modulesRespectTheirApis() {
        ApplicationModules.of(ZhibuApplication.class,
                JavaClass.Predicates.resideInAPackage("io.zhibu.db..")).verify();
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
}
