package io.caseflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules every runtime module keeps; this module sees them all (model, core, rabbitmq, client, server, bench). */
class LayeringTest {
    private static final String[] MODEL = {"io.caseflow.definition..", "io.caseflow.validation..", "io.caseflow.json..",
            "io.caseflow.process..", "io.caseflow.message..", "io.caseflow.taskid..", "io.caseflow.worker..", "io.caseflow.installation..",
            "io.caseflow.retention"}; // only the package itself: io.caseflow.retention.sweep is the server side, in core

    private final JavaClasses runtime = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.caseflow");

    private final JavaClasses everything = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.caseflow");

    @Test
    void no_package_depends_back_on_one_that_depends_on_it() {
        slices().matching("io.caseflow.(*)..").should().beFreeOfCycles().check(everything);
    }

    @Test
    void the_runtime_never_sees_javafx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..")
                .check(everything);
    }

    @Test
    void the_model_stands_alone() {
        noClasses().that().resideInAnyPackage(MODEL)
                .should().dependOnClassesThat().resideOutsideOfPackages(concat(MODEL, "java..", "javax.crypto..", "com.fasterxml.jackson.."))
                .check(everything);
    }

    @Test
    void the_commit_model_sits_below_engine_store_and_transport() {
        noClasses().that().resideInAPackage("io.caseflow.commit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caseflow.engine..", "io.caseflow.store..",
                        "io.caseflow.transport..")
                .check(everything);
        noClasses().that().resideInAnyPackage("io.caseflow.store..", "io.caseflow.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caseflow.engine..")
                .check(everything);
    }

    @Test
    void the_engine_talks_to_store_interfaces() {
        noClasses().that().resideInAPackage("io.caseflow.engine..")
                .should().dependOnClassesThat().haveSimpleNameStartingWith("Jdbc")
                .check(everything);
    }

    @Test
    void the_decision_step_touches_no_database_or_transport() {
        noClasses().that().haveSimpleName("Decider")
                .should().dependOnClassesThat().resideInAnyPackage("io.caseflow.store..", "io.caseflow.transport..", "java.sql..")
                .check(everything);
    }

    @Test
    void the_client_needs_only_the_model() {
        noClasses().that().resideInAPackage("io.caseflow.client..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caseflow.engine..", "io.caseflow.store..",
                        "io.caseflow.transport..", "io.caseflow.http..", "io.caseflow.cli..", "java.sql..")
                .check(everything);
    }

    @Test
    void nothing_in_the_product_uses_the_benchmarks() {
        noClasses().that().resideOutsideOfPackage("io.caseflow.bench..")
                .should().dependOnClassesThat().resideInAPackage("io.caseflow.bench..")
                .check(everything);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
