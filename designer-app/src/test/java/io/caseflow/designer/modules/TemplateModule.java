package io.caseflow.designer.modules;

import io.caseflow.testing.ModuleJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The module a user starts from, {@code samples/module-template}, built the way its pom builds it
 * (its sources compiled against caseflow, its resources with the services entry packed beside the
 * classes), without Maven, so the test runs offline and in seconds.
 */
final class TemplateModule {
    static final String HANDLER = "greetings.compose";

    private TemplateModule() {
    }

    /** Builds the template's jar into {@code folder}. */
    static Path buildInto(Path work, Path folder) throws IOException {
        Path template = templateFolder();
        Path classes = new ModuleJars(work).compileTree(template.resolve("src/main/java"));
        return ModuleJars.pack(classes, template.resolve("src/main/resources"), folder.resolve("greetings-module-1.0.0.jar"), List.of());
    }

    /** samples/module-template of this checkout, found from wherever the tests run. */
    static Path templateFolder() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 5 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("samples/module-template");
            if (Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("samples/module-template not found above " + Path.of("").toAbsolutePath());
    }
}
