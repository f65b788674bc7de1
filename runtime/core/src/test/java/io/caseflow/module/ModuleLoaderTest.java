package io.caseflow.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.caseflow.handler.HandlerRegistry;
import io.caseflow.testing.ModuleJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleLoaderTest {
    @TempDir
    Path work;
    Path folder;
    ModuleJars jars;

    @BeforeEach
    void setUp() throws IOException {
        folder = Files.createDirectories(work.resolve("modules"));
        jars = new ModuleJars(work);
    }

    private static ModuleLoader loader() {
        return ModuleLoader.builder().build();
    }

    @Test
    void a_module_jar_loads_and_its_handlers_register() throws Exception {
        jars.moduleJar(folder, "orders.jar", "acme.orders", "orders.validate", "orders.ship");

        try (LoadedModules loaded = loader().load(folder)) {
            assertThat(loaded.problems()).isEmpty();
            assertThat(loaded.modules()).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("acme.orders");
                assertThat(m.jarName()).isEqualTo("orders.jar");
            });
            HandlerRegistry registry = loaded.registerHandlers(new HandlerRegistry().register("sample", ctx -> ctx.next()));
            assertThat(registry.names()).containsExactly("orders.ship", "orders.validate", "sample");
            assertThat(loaded.summary()).contains("1 module", "2 handlers");
        }
    }

    @Test
    void a_corrupt_jar_is_named_and_the_good_jar_still_loads() throws Exception {
        jars.moduleJar(folder, "good.jar", "acme.good", "good.step");
        Files.writeString(folder.resolve("corrupt.jar"), "this is not a zip file at all");
        Files.write(folder.resolve("empty.jar"), new byte[0]);

        try (LoadedModules loaded = loader().load(folder)) {
            assertThat(loaded.handlerNames()).containsExactly("good.step");
            assertThat(loaded.problems()).extracting(ModuleProblem::kind).containsOnly(ModuleProblem.Kind.NOT_A_JAR);
            assertThat(loaded.problems()).extracting(ModuleProblem::message).anySatisfy(m ->
                    assertThat(m).startsWith("corrupt.jar is not a jar (zip) file, or it is damaged"));
            assertThat(loaded.problems()).extracting(ModuleProblem::sourceName).containsExactlyInAnyOrder("corrupt.jar", "empty.jar");
        }
    }

    @Test
    void a_jar_without_a_services_entry_holds_no_module() throws Exception {
        jars.jar(folder, "plain.jar", Map.of("acme.plain.Module", ModuleJars.module("acme.plain", "plain", "plain.step")), List.of());

        try (LoadedModules loaded = loader().load(folder)) {
            assertThat(loaded.modules()).isEmpty();
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ModuleProblem.Kind.NO_MODULE);
                assertThat(p.message()).startsWith("plain.jar has no META-INF/services/io.caseflow.module.CaseflowModule entry");
            });
        }
    }

    @Test
    void a_services_entry_naming_a_missing_class_says_so() throws Exception {
        jars.jar(folder, "typo.jar", Map.of("acme.typo.Module", ModuleJars.module("acme.typo", "typo", "typo.step")),
                List.of("acme.typo.Modul"));

        try (LoadedModules loaded = loader().load(folder)) {
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ModuleProblem.Kind.BAD_SERVICE_ENTRY);
                assertThat(p.message()).contains("typo.jar lists acme.typo.Modul", "has no such class");
            });
        }
    }

    @Test
    void two_jars_registering_one_handler_name_are_both_named_and_the_first_keeps_it() throws Exception {
        jars.moduleJar(folder, "a-orders.jar", "acme.a", "orders.validate");
        jars.moduleJar(folder, "b-billing.jar", "acme.b", "billing.charge", "orders.validate");

        try (LoadedModules loaded = loader().load(folder)) {
            assertThat(loaded.modules()).extracting(LoadedModule::jarName).containsExactly("a-orders.jar");
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ModuleProblem.Kind.DUPLICATE_HANDLER);
                assertThat(p.message()).contains("b-billing.jar", "a-orders.jar", "'orders.validate'", "Rename the handler");
            });
        }
    }

    @Test
    void a_handler_name_the_classpath_already_has_is_refused_with_its_owner_named() throws Exception {
        jars.moduleJar(folder, "clash.jar", "acme.clash", "validateOrder");

        try (LoadedModules loaded = ModuleLoader.builder().takenHandlers(List.of("validateOrder"), "the samples on the classpath")
                .build().load(folder)) {
            assertThat(loaded.modules()).isEmpty();
            assertThat(loaded.problems()).singleElement().extracting(ModuleProblem::message).asString()
                    .contains("clash.jar", "'validateOrder'", "the samples on the classpath");
        }
    }

    @Test
    void a_missing_dependency_names_the_missing_class_and_suggests_shading_it() throws Exception {
        // Compiled against acme.lib.Money, but the jar leaves that class out (as a jar built without its dependencies does).
        String money = "package acme.lib; public class Money { public static String currency() { return \"EUR\"; } }";
        String module = "package acme.shop;\n"
                + "import io.caseflow.handler.HandlerRegistry;\n"
                + "import io.caseflow.module.CaseflowModule;\n"
                + "public class Module implements CaseflowModule {\n"
                + "    private final String currency = acme.lib.Money.currency();\n"
                + "    public String name() { return \"shop\"; }\n"
                + "    public void registerHandlers(HandlerRegistry registry) { registry.register(\"shop.pay\", ctx -> ctx.next()); }\n"
                + "}\n";
        Path classes = jars.compile(Map.of("acme.lib.Money", money, "acme.shop.Module", module));
        Files.walk(classes.resolve("acme/lib")).sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
        ModuleJars.pack(classes, null, folder.resolve("shop.jar"), List.of("acme.shop.Module"));
        jars.moduleJar(folder, "zz-good.jar", "acme.good", "good.step");

        try (LoadedModules loaded = loader().load(folder)) {
            assertThat(loaded.handlerNames()).containsExactly("good.step");
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ModuleProblem.Kind.MISSING_DEPENDENCY);
                assertThat(p.message()).contains("shop.jar", "acme.lib.Money", "Shade");
            });
        }
    }

    @Test
    void a_constructor_that_throws_is_the_modules_problem() throws Exception {
        String module = "package acme.broken;\n"
                + "import io.caseflow.handler.HandlerRegistry;\n"
                + "import io.caseflow.module.CaseflowModule;\n"
                + "public class Module implements CaseflowModule {\n"
                + "    public Module() { throw new IllegalStateException(\"no licence key configured\"); }\n"
                + "    public String name() { return \"broken\"; }\n"
                + "    public void registerHandlers(HandlerRegistry registry) { }\n"
                + "}\n";
        jars.jar(folder, "broken.jar", Map.of("acme.broken.Module", module), List.of("acme.broken.Module"));

        try (LoadedModules loaded = loader().load(folder)) {
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ModuleProblem.Kind.MODULE_FAILED);
                assertThat(p.message()).isEqualTo("broken.jar: module acme.broken.Module failed in its constructor: "
                        + "IllegalStateException: no licence key configured. The module was not loaded.");
            });
        }
    }

    @Test
    void a_module_compiled_for_a_newer_java_says_which_java_it_needs() throws Exception {
        Path classes = jars.compile(Map.of("acme.future.Module", ModuleJars.module("acme.future", "future", "future.step")));
        Path classFile = classes.resolve("acme/future/Module.class");
        byte[] bytes = Files.readAllBytes(classFile);
        bytes[6] = 0;
        bytes[7] = 70; // class file version 70: Java 26
        Files.write(classFile, bytes);
        ModuleJars.pack(classes, null, folder.resolve("future.jar"), List.of("acme.future.Module"));

        try (LoadedModules loaded = loader().load(folder)) {
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ModuleProblem.Kind.NEWER_JAVA);
                assertThat(p.message()).startsWith("future.jar was compiled for Java 26 (class file version 70), but this runtime is Java "
                        + Runtime.version().feature());
            });
        }
    }

    @Test
    void a_module_that_hangs_in_its_constructor_times_out_and_the_others_load() throws Exception {
        String module = "package acme.slow;\n"
                + "import io.caseflow.handler.HandlerRegistry;\n"
                + "import io.caseflow.module.CaseflowModule;\n"
                + "public class Module implements CaseflowModule {\n"
                + "    public Module() throws InterruptedException { Thread.sleep(60_000); }\n"
                + "    public String name() { return \"slow\"; }\n"
                + "    public void registerHandlers(HandlerRegistry registry) { }\n"
                + "}\n";
        jars.jar(folder, "a-slow.jar", Map.of("acme.slow.Module", module), List.of("acme.slow.Module"));
        jars.moduleJar(folder, "b-good.jar", "acme.good", "good.step");

        long started = System.nanoTime();
        try (LoadedModules loaded = ModuleLoader.builder().moduleTimeout(Duration.ofMillis(300)).build().load(folder)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(loaded.handlerNames()).containsExactly("good.step");
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ModuleProblem.Kind.TIMED_OUT);
                assertThat(p.message()).contains("a-slow.jar", "did not finish its constructor within 300 ms");
            });
        }
    }

    @Test
    void the_same_module_in_two_jars_is_loaded_once() throws Exception {
        Path first = jars.moduleJar(folder, "orders-1.0.jar", "acme.orders", "orders.validate");
        Files.copy(first, folder.resolve("orders-1.1.jar"));

        try (LoadedModules loaded = loader().load(folder)) {
            assertThat(loaded.modules()).extracting(LoadedModule::jarName).containsExactly("orders-1.0.jar");
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ModuleProblem.Kind.DUPLICATE_CLASS);
                assertThat(p.message()).contains("orders-1.1.jar", "orders-1.0.jar", "Keep only one");
            });
        }
    }

    @Test
    void a_folder_with_thousands_of_files_is_capped_and_says_so() throws Exception {
        jars.moduleJar(folder, "a.jar", "acme.a", "a.step");
        for (int i = 0; i < 3000; i++) {
            Files.writeString(folder.resolve("note-" + i + ".txt"), "x");
        }

        long started = System.nanoTime();
        try (LoadedModules loaded = ModuleLoader.builder().maxFolderEntries(1000).build().load(folder)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(loaded.problems()).extracting(ModuleProblem::kind).contains(ModuleProblem.Kind.TOO_MANY_FILES);
            assertThat(loaded.problems()).extracting(ModuleProblem::message).anySatisfy(m -> assertThat(m).contains("more than 1000 files"));
        }
    }

    @Test
    void more_jars_than_allowed_load_the_first_ones_by_name() throws Exception {
        for (String name : List.of("a", "b", "c")) {
            jars.moduleJar(folder, name + ".jar", "acme." + name, name + ".step");
        }

        try (LoadedModules loaded = ModuleLoader.builder().maxJars(2).build().load(folder)) {
            assertThat(loaded.handlerNames()).containsExactly("a.step", "b.step");
            assertThat(loaded.problems()).singleElement().extracting(ModuleProblem::message).asString()
                    .contains("holds 3 jars", "only the first 2");
        }
    }

    @Test
    void a_jar_bigger_than_the_limit_is_refused_unopened() throws Exception {
        jars.moduleJar(folder, "big.jar", "acme.big", "big.step");

        try (LoadedModules loaded = ModuleLoader.builder().maxJarBytes(100).build().load(folder)) {
            assertThat(loaded.modules()).isEmpty();
            assertThat(loaded.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ModuleProblem.Kind.TOO_LARGE);
                assertThat(p.message()).startsWith("big.jar is ").contains("more than the 100 bytes a module jar may be");
            });
        }
    }

    @Test
    void a_missing_folder_or_a_file_is_one_problem() throws Exception {
        assertThat(loader().load(work.resolve("nowhere")).problems()).singleElement()
                .extracting(ModuleProblem::message).asString().contains("does not exist");
        Path file = Files.writeString(work.resolve("file.txt"), "x");
        assertThat(loader().load(file).problems()).singleElement()
                .extracting(ModuleProblem::message).asString().contains("is a file, not a folder");
    }

    @Test
    void closing_releases_the_jars() throws Exception {
        Path jar = jars.moduleJar(folder, "orders.jar", "acme.orders", "orders.validate");
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc to see open files");

        LoadedModules loaded = loader().load(folder);
        ClassLoader moduleLoader = loaded.modules().get(0).module().getClass().getClassLoader();
        assertThat(openFiles(fds)).contains(jar.toRealPath());
        loaded.close();

        assertThat(openFiles(fds)).doesNotContain(jar.toRealPath());
        assertThatThrownBy(() -> moduleLoader.loadClass("acme.orders.Other")).isInstanceOf(ClassNotFoundException.class);
        Files.delete(jar);
    }

    private static List<Path> openFiles(Path fds) throws IOException {
        try (Stream<Path> links = Files.list(fds)) {
            return links.map(link -> {
                try {
                    return Files.readSymbolicLink(link);
                } catch (IOException e) {
                    return link;
                }
            }).toList();
        }
    }

    @Test
    void the_builder_names_the_allowed_range() {
        assertThatThrownBy(() -> ModuleLoader.builder().maxJars(0)).hasMessage("maxJars must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> ModuleLoader.builder().moduleTimeout(Duration.ZERO)).hasMessageContaining("positive");
    }
}
