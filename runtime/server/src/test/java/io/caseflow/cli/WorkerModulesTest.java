package io.caseflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.config.Settings;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.module.LoadedModules;
import io.caseflow.testing.ModuleJars;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WorkerModulesTest {
    @TempDir
    Path work;

    @Test
    void the_worker_takes_a_module_folder_by_flag() {
        WorkerCommand worker = new WorkerCommand();
        new CommandLine(worker).parseArgs("--modules", "target/");
        assertThat(worker.modulesFolder).isEqualTo("target/");
        assertThat(Settings.environmentName(WorkerModules.KEY)).isEqualTo("CASEFLOW_WORKER_MODULES");
    }

    @Test
    void good_jars_load_and_bad_ones_are_warnings() throws Exception {
        Path folder = Files.createDirectories(work.resolve("modules"));
        new ModuleJars(work).moduleJar(folder, "orders.jar", "acme.orders", "orders.validate");
        Files.writeString(folder.resolve("broken.jar"), "not a jar");
        Files.createDirectories(folder.resolve("classes"));
        StringWriter err = new StringWriter();

        try (LoadedModules loaded = WorkerModules.load(folder.toString(), new HandlerRegistry().register("validateOrder", ctx -> ctx.next()),
                new PrintWriter(err))) {
            assertThat(loaded.handlerNames()).containsExactly("orders.validate");
            assertThat(err.toString()).startsWith("warning: broken.jar is not a jar (zip) file");
        }
    }

    @Test
    void a_handler_name_of_the_classpath_is_refused() throws Exception {
        Path folder = Files.createDirectories(work.resolve("modules"));
        new ModuleJars(work).moduleJar(folder, "clash.jar", "acme.clash", "validateOrder");
        StringWriter err = new StringWriter();

        try (LoadedModules loaded = WorkerModules.load(folder.toString(), new HandlerRegistry().register("validateOrder", ctx -> ctx.next()),
                new PrintWriter(err))) {
            assertThat(loaded.modules()).isEmpty();
            assertThat(err.toString()).contains("clash.jar", "'validateOrder'", "a module on the classpath already registers");
        }
    }

    @Test
    void a_folder_that_is_not_there_stops_the_worker_with_one_sentence() {
        assertThatThrownBy(() -> WorkerModules.load(work.resolve("nowhere").toString(), new HandlerRegistry(), new PrintWriter(new StringWriter())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--modules: The module folder " + work.resolve("nowhere") + " does not exist.");
    }

    @Test
    void no_folder_loads_nothing() {
        assertThat(WorkerModules.load(null, new HandlerRegistry(), new PrintWriter(new StringWriter())).modules()).isEmpty();
    }
}
