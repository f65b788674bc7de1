package io.caseflow.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The samples use the runtime as any user's module would: through its public API (runtime, handlers, services, metrics), without cycles or JavaFX. */
class SamplesArchitectureTest {
    private final JavaClasses samples = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.caseflow.samples");

    @Test
    void no_package_depends_back_on_one_that_depends_on_it() {
        slices().matching("io.caseflow.samples.(*)..").should().beFreeOfCycles().check(samples);
    }

    @Test
    void samples_never_see_javafx_the_designer_nor_the_commit_model() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.caseflow.commit..",
                "io.caseflow.designer..").check(samples);
    }
}
