package io.caseflow.designer;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The designer's layering: no package cycles, the model, codecs and sources know no toolkit, and
 * views never call the runtime (they go through monitor sources and deploy targets).
 */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.caseflow.designer");

    @Test
    void the_designer_packages_have_no_cycles() {
        slices().matching("io.caseflow.designer.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void model_codecs_layout_diff_deploy_executor_and_sources_do_not_depend_on_javafx() {
        noClasses().that().resideInAnyPackage("..designer.editor..", "..designer.drawio..", "..designer.layout..",
                        "..designer.diff..", "..designer.deploy..", "..designer.icons..", "..designer.concurrent..",
                        "..designer.monitor.source..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void views_reach_the_runtime_only_through_monitor_sources_and_deploy_targets() {
        noClasses().that().resideInAnyPackage("..designer..view..", "..designer.canvas..", "..designer.app..")
                .should().dependOnClassesThat(resideInAnyPackage("io.caseflow.engine..", "io.caseflow.store..", "io.caseflow.transport..")
                        .or(name("io.caseflow.CaseflowRuntime")))
                .check(classes);
    }

    @Test
    void views_do_not_call_the_runtime() {
        noClasses().that().resideInAnyPackage("..designer.canvas..", "..designer.properties..", "..designer.problems..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caseflow", "io.caseflow.store..", "io.caseflow.engine..",
                        "io.caseflow.transport..", "io.caseflow.samples..")
                .check(classes);
    }

    @Test
    void the_monitor_model_knows_no_scene_graph_and_no_source_implementation() {
        noClasses().that().resideInAPackage("..designer.monitor")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
                        "..designer.monitor.source..", "..designer.monitor.view..", "..designer.app..", "io.caseflow.samples..")
                .check(classes);
    }

    @Test
    void monitor_views_go_through_view_models_never_to_the_runtime_or_a_source() {
        noClasses().that().resideInAnyPackage("..designer.monitor.view..", "..designer.canvas..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caseflow", "io.caseflow.store..", "io.caseflow.engine..",
                        "io.caseflow.transport..", "io.caseflow.samples..", "..designer.monitor.source..", "..designer.deploy..")
                .check(classes);
    }

    @Test
    void the_editor_does_not_know_the_app() {
        noClasses().that().resideInAnyPackage("..designer.editor..", "..designer.canvas..")
                .should().dependOnClassesThat().resideInAnyPackage("..designer.app..")
                .check(classes);
    }
}
