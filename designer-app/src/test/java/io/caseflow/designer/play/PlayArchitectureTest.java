package io.caseflow.designer.play;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Play's layering: its model, runtime and view models know no scene graph; its views reach nothing but them and the monitor's views. */
class PlayArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.caseflow.designer");

    @Test
    void the_play_model_knows_no_scene_graph_and_no_app() {
        noClasses().that().resideInAPackage("..designer.play")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
                        "..designer.app..", "..designer.play.view..", "..designer.monitor.view..", "..designer.monitor.source..")
                .check(classes);
    }

    @Test
    void play_views_go_through_the_play_view_model_never_to_the_runtime() {
        noClasses().that().resideInAPackage("..designer.play.view..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caseflow", "io.caseflow.store..", "io.caseflow.engine..",
                        "io.caseflow.transport..", "io.caseflow.handler..", "io.caseflow.service..", "..designer.app..")
                .check(classes);
    }
}
