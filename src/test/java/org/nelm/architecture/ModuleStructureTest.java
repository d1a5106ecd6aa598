package org.nelm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nelm.NelmApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of docs/architecture.md, executable: Spring Modulith finds the modules (the packages
 * directly under org.nelm) and fails on a cycle between them or on a use of another module's internals (its
 * sub-packages, unless exposed as a named interface). ArchUnit adds the rule Modulith has no notion of: only the
 * workflow adapter may know the engine, so that moving to Operaton stays a change of one package.
 * {@link ModuleRulesBiteTest} shows each rule failing on a small broken application.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(NelmApplication.class);

    /** Committed, and linked from docs/architecture.md; regenerate with {@code -Dnelm.docs.update=true}. */
    static final Path DIAGRAM = Path.of("docs/modules/components.puml");

    @Test
    void modulesHaveNoCyclesAndUseEachOtherOnlyThroughWhatTheyExpose() {
        MODULES.verify();
    }

    @Test
    void onlyTheWorkflowAdapterUsesTheEngine() {
        onlyWorkflowUsesTheEngine("org.nelm.workflow..").check(mainClasses("org.nelm"));
    }

    @Test
    void theCommittedModuleDiagramIsTheCurrentOne() throws IOException {
        Path generated = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, generated.toString()).writeModulesAsPlantUml();
        String current = withRelationsSorted(Files.readString(generated.resolve("components.puml")));
        if (Boolean.getBoolean("nelm.docs.update")) {
            Files.createDirectories(DIAGRAM.getParent());
            Files.writeString(DIAGRAM, current);
        }
        assertThat(Files.exists(DIAGRAM) ? Files.readString(DIAGRAM) : "")
                .as("docs/modules/components.puml is stale: run the test with -Dnelm.docs.update=true and commit it")
                .isEqualTo(current);
    }

    /** The documenter writes the relations in no fixed order; sorted, the file changes only when they do. */
    private static String withRelationsSorted(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        Iterator<String> sorted = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList().iterator();
        lines.replaceAll(line -> line.startsWith("Rel(") ? sorted.next() : line);
        return String.join("\n", lines) + "\n";
    }

    static ArchRule onlyWorkflowUsesTheEngine(String workflowPackage) {
        return noClasses().that().resideOutsideOfPackage(workflowPackage)
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("engine details stay in the workflow adapter (docs/architecture.md)");
    }

    static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages(basePackage);
    }
}
