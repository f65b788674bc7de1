package io.caseflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No fully-qualified type names in code where an import would do: they hide dependencies from a
 * reader (and from a look at the imports). A qualified name is fine where the simple name is taken
 * (imported from elsewhere, or declared in the file).
 */
class QualifiedNamesTest {
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.\"])((?:java|javax|io|com|org|picocli)(?:\\.[a-z_][\\w]*)+)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)");

    @Test
    void main_code_imports_what_it_uses() throws IOException {
        Path project = Path.of("../..").toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        for (String module : List.of("runtime", "samples", "designer-app")) {
            try (Stream<Path> files = Files.walk(project.resolve(module))) {
                files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                        .forEach(f -> found.addAll(qualifiedNames(project, f)));
            }
        }
        assertThat(found).as("inline qualified names where an import would do").isEmpty();
    }

    static List<String> qualifiedNames(Path root, Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> taken = new HashSet<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String name = imports.group(1);
            taken.add(name.substring(name.lastIndexOf('.') + 1));
        }
        Matcher declared = DECLARED.matcher(source);
        while (declared.find()) {
            taken.add(declared.group(1));
        }
        String code = stripCommentsAndStrings(source).replaceAll("(?m)^(package|import)\\s.*$", "");
        List<String> found = new ArrayList<>();
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            String simple = qualified.group(2);
            String full = qualified.group(1) + "." + simple;
            boolean clash = taken.contains(simple) && !source.contains("import " + full + ";");
            if (!clash) {
                found.add(root.relativize(file) + ": " + full);
            }
        }
        return found;
    }

    /** Blanks comments and string/char literals (a plain scan: regular expressions overflow on long literals). */
    static String stripCommentsAndStrings(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                code.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(n, j + 1);
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
