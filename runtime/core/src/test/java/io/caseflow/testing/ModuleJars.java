package io.caseflow.testing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.module.CaseflowModule;
import io.caseflow.module.ModuleLoader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds module jars for tests the way a user's build would: compiles Java sources with the JDK's
 * compiler against caseflow's API (core, model, Jackson), then packs the classes, any resources and
 * a services entry into a jar with java.util.jar.
 *
 * <pre>{@code
 * ModuleJars jars = new ModuleJars(tempDir);
 * Path jar = jars.moduleJar(folder, "orders.jar", "acme.orders", "orders.validate");
 * }</pre>
 */
public final class ModuleJars {
    private final Path work;

    public ModuleJars(Path work) {
        this.work = work;
    }

    /** Source of a module class {@code <pkg>.Module}, named {@code moduleName}, whose handlers just go on. */
    public static String module(String pkg, String moduleName, String... handlers) {
        StringBuilder register = new StringBuilder();
        for (String handler : handlers) {
            register.append("        registry.register(\"").append(handler).append("\", ctx -> ctx.next());\n");
        }
        return "package " + pkg + ";\n"
                + "import io.caseflow.handler.HandlerRegistry;\n"
                + "import io.caseflow.module.CaseflowModule;\n"
                + "public class Module implements CaseflowModule {\n"
                + "    public String name() { return \"" + moduleName + "\"; }\n"
                + "    public void registerHandlers(HandlerRegistry registry) {\n" + register + "    }\n"
                + "}\n";
    }

    /** A one-module jar: {@code pkg.Module} (named {@code pkg}) registering {@code handlers}. */
    public Path moduleJar(Path folder, String fileName, String pkg, String... handlers) throws IOException {
        return jar(folder, fileName, Map.of(pkg + ".Module", module(pkg, pkg, handlers)), List.of(pkg + ".Module"));
    }

    /** A jar with {@code sources} (class name → source) compiled, listing {@code providers} in its services entry (none: no entry). */
    public Path jar(Path folder, String fileName, Map<String, String> sources, List<String> providers) throws IOException {
        return pack(compile(sources), null, folder.resolve(fileName), providers);
    }

    /** Compiles {@code sources} (class name → source) into a fresh folder and returns it. */
    public Path compile(Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(Files.createTempDirectory(work, "sources-").resolve("src"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        return compileTree(src);
    }

    /** Compiles every {@code .java} file under {@code sourceRoot} into a fresh folder and returns it. */
    public Path compileTree(Path sourceRoot) throws IOException {
        // A fresh folder each time: two builders over one work folder must never share classes.
        Path classes = Files.createDirectories(Files.createTempDirectory(work, "build-").resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(), "-classpath", apiClasspath()));
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = compiler.run(null, null, new WriterStream(errors), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("compiling " + sourceRoot + " failed:\n" + errors);
        }
        return classes;
    }

    /**
     * Packs every file under {@code classes} and {@code resources} (may be null) into {@code jar},
     * plus a services entry listing {@code providers} when there are any.
     */
    public static Path pack(Path classes, Path resources, Path jar, List<String> providers) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        Map<String, Path> entries = new TreeMap<>();
        addTree(classes, entries);
        if (resources != null) {
            addTree(resources, entries);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, Path> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                Files.copy(entry.getValue(), out);
                out.closeEntry();
            }
            if (!providers.isEmpty()) {
                out.putNextEntry(new JarEntry(ModuleLoader.SERVICES_ENTRY));
                out.write(("# modules of this jar\n" + String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void addTree(Path root, Map<String, Path> entries) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> entries.put(root.relativize(f).toString().replace('\\', '/'), f));
        }
    }

    /** caseflow-core, caseflow-model and Jackson (what the template's {@code provided} caseflow-core brings), wherever the test runs them from. */
    public static String apiClasspath() {
        return String.join(File.pathSeparator, location(CaseflowModule.class), location(CaseDefinition.class), location(JsonNode.class),
                location(TreeNode.class), location(JsonInclude.class));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("no file for " + type, e));
        }
    }

    /** The compiler's diagnostics into a StringWriter. */
    private static final class WriterStream extends OutputStream {
        private final StringWriter target;

        WriterStream(StringWriter target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }
    }
}
