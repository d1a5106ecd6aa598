package org.nelm.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each rule of {@link ModuleStructureTest} refuses a small application that breaks it (test fixtures under
 * {@code fixture.*}), so a green module test means the rules hold, not that they check nothing.
 */
class ModuleRulesBiteTest {

    @Test
    void aCycleBetweenModulesIsRefused() {
        assertThatThrownBy(() -> fixtureModules("fixture.cycle").verify())
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void aUseOfAnotherModulesInternalsIsRefused() {
        assertThatThrownBy(() -> fixtureModules("fixture.internal").verify())
                .hasMessageContaining("non-exposed type fixture.internal.b.inner.Ledger");
    }

    @Test
    void theEngineOutsideTheWorkflowAdapterIsRefused() {
        assertThatThrownBy(() -> ModuleStructureTest.onlyWorkflowUsesTheEngine("fixture.engine.workflow..")
                .check(new ClassFileImporter().importPackages("fixture.engine")))
                .hasMessageContaining("fixture.engine.a.Orders");
    }

    /** The fixtures are test classes, which Modulith leaves out by default. */
    private static ApplicationModules fixtureModules(String basePackage) {
        return ApplicationModules.of(basePackage, location -> true);
    }
}
