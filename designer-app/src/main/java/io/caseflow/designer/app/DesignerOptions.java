package io.caseflow.designer.app;

import io.caseflow.designer.deploy.EmbeddedRuntime;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the designer.
 *
 * <pre>
 *   --home=DIR      folder of the embedded runtime's database (default ~/.caseflow, or -Dcaseflow.home)
 *   --no-runtime    do not start the embedded runtime (deploy is then unavailable)
 *   FILE            a .case.json or .drawio file to open instead of the sample
 * </pre>
 */
public record DesignerOptions(Path home, boolean startRuntime, Path file) {

    public static DesignerOptions parse(List<String> args) {
        Path home = EmbeddedRuntime.defaultHome();
        boolean runtime = true;
        Path file = null;
        for (String arg : args) {
            if (arg.startsWith("--home=")) {
                home = Path.of(arg.substring("--home=".length()));
            } else if (arg.equals("--no-runtime")) {
                runtime = false;
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: --home=DIR, --no-runtime, FILE");
            } else {
                file = Path.of(arg);
            }
        }
        return new DesignerOptions(home, runtime, file);
    }
}
