package io.caseflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LayeringTest {
    private final JavaClasses runtime = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.caseflow");

    @Test
    void the_runtime_never_sees_javafx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..")
                .check(runtime);
    }

    @Test
    void the_model_and_validator_stand_alone() {
        noClasses().that().resideInAnyPackage("io.caseflow.definition..", "io.caseflow.validation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caseflow.engine..", "io.caseflow.store..",
                        "io.caseflow.transport..", "java.sql..")
                .check(runtime);
    }

    @Test
    void the_decision_step_touches_no_database_or_transport() {
        noClasses().that().haveSimpleName("Decider")
                .should().dependOnClassesThat().resideInAnyPackage("io.caseflow.store..", "io.caseflow.transport..", "java.sql..")
                .check(runtime);
    }
}
