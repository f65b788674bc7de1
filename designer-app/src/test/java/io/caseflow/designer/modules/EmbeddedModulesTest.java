package io.caseflow.designer.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.deploy.ModuleReport;
import io.caseflow.module.ModuleProblem;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.testing.ModuleJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designer's embedded runtime with the user's module jars: the template module, and a folder with a broken jar. */
class EmbeddedModulesTest {
    private static final CaseKey GREETINGS = new CaseKey("greetings", "v1");

    @TempDir
    Path work;

    @Test
    void the_template_modules_handler_runs_a_process_of_its_case_to_the_end() throws Exception {
        Path folder = Files.createDirectories(work.resolve("modules"));
        TemplateModule.buildInto(work, folder);

        try (EmbeddedRuntime embedded = EmbeddedRuntime.start(work.resolve("home"), folder)) {
            ModuleReport report = embedded.moduleReport();
            assertThat(report.problems()).isEmpty();
            assertThat(report.modules()).singleElement().satisfies(m -> assertThat(m.name()).isEqualTo("greetings"));
            assertThat(report.deployed()).extracting(d -> d.definition().key()).containsExactly(GREETINGS);
            assertThat(embedded.handlerNames()).contains(TemplateModule.HANDLER, "orders.validateOrder");

            ProcessSnapshot started = embedded.runtime().startProcess(GREETINGS, Map.of("name", "Ada"));
            await().atMost(Duration.ofSeconds(20)).until(() -> embedded.runtime().process(started.id()).status() == ProcessStatus.COMPLETED);
            assertThat(embedded.runtime().process(started.id()).data().path("greeting").asText()).isEqualTo("Hello, Ada!");
        }
    }

    @Test
    void a_broken_jar_is_a_problem_the_good_module_still_runs_and_unloading_forgets_its_handlers() throws Exception {
        Path folder = Files.createDirectories(work.resolve("modules"));
        try (EmbeddedRuntime embedded = EmbeddedRuntime.start(work.resolve("home"), null)) {
            assertThat(embedded.moduleReport().folder()).isNull();
            assertThat(embedded.handlerNames()).doesNotContain(TemplateModule.HANDLER);

            TemplateModule.buildInto(work, folder);
            Files.writeString(folder.resolve("half-copied.jar"), "PK not really");
            new ModuleJars(work).moduleJar(folder, "clash.jar", "acme.clash", "orders.validateOrder");
            ModuleReport report = embedded.loadModules(folder);

            assertThat(embedded.isRunning()).isTrue();
            assertThat(embedded.handlerNames()).contains(TemplateModule.HANDLER);
            assertThat(report.problems()).extracting(ModuleProblem::sourceName).containsExactlyInAnyOrder("half-copied.jar", "clash.jar");
            assertThat(report.problems()).extracting(ModuleProblem::message).anySatisfy(m -> assertThat(m)
                    .contains("'orders.validateOrder'", "the designer's built-in sample (businessCase1)"));
            ProcessSnapshot started = embedded.runtime().startProcess(GREETINGS, Map.of("name", "Grace"));
            await().atMost(Duration.ofSeconds(20)).until(() -> embedded.runtime().process(started.id()).status() == ProcessStatus.COMPLETED);

            ModuleReport none = embedded.loadModules(null);
            assertThat(none.modules()).isEmpty();
            assertThat(embedded.handlerNames()).doesNotContain(TemplateModule.HANDLER).contains("orders.validateOrder");
        }
    }

    @Test
    void a_folder_that_is_gone_is_said_and_the_runtime_runs_the_sample() throws Exception {
        try (EmbeddedRuntime embedded = EmbeddedRuntime.start(work.resolve("home"), work.resolve("gone"))) {
            assertThat(embedded.isRunning()).isTrue();
            assertThat(embedded.moduleReport().problems()).singleElement().extracting(ModuleProblem::message).asString()
                    .isEqualTo("The module folder " + work.resolve("gone") + " does not exist.");
            assertThat(embedded.moduleReport().summary()).contains("1 problem");
        }
    }
}
