package io.caseflow.designer.app;

import io.caseflow.designer.deploy.EmbeddedRuntime;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the designer.
 *
 * <pre>
 *   --home=DIR      folder of the embedded runtime's database (default: -Dcaseflow.home, else DataHome's)
 *   --no-runtime    do not start the embedded runtime (deploy and the monitor are then unavailable)
 *   --monitor       open on the monitor (it opens there by itself on a fresh folder, with sample traffic)
 *   --design        open on the designer
 *   --no-demo       do not start sample processes on a fresh folder
 *   FILE            a .case.json file, or a .drawio file (or a draw.io PNG/SVG with the diagram) to open instead of
 *                   the sample, on the designer tab unless --monitor is given (what the installers' file
 *                   associations run)
 * </pre>
 */
public record DesignerOptions(Path home, boolean startRuntime, Path file, Mode mode, boolean demo) {
    /** Which tab opens first; {@code AUTO}: the monitor on a fresh folder, else the one used last. */
    public enum Mode { AUTO, DESIGN, MONITOR }

    public DesignerOptions(Path home, boolean startRuntime, Path file) {
        this(home, startRuntime, file, Mode.AUTO, true);
    }

    public static DesignerOptions parse(List<String> args) {
        Path home = EmbeddedRuntime.defaultHome();
        boolean runtime = true;
        Path file = null;
        Mode mode = Mode.AUTO;
        boolean demo = true;
        for (String arg : args) {
            if (arg.startsWith("--home=")) {
                home = Path.of(arg.substring("--home=".length()));
            } else if (arg.equals("--no-runtime")) {
                runtime = false;
            } else if (arg.equals("--monitor")) {
                mode = Mode.MONITOR;
            } else if (arg.equals("--design")) {
                mode = Mode.DESIGN;
            } else if (arg.equals("--no-demo")) {
                demo = false;
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg
                        + "; known: --home=DIR, --no-runtime, --monitor, --design, --no-demo, FILE");
            } else {
                file = Path.of(arg);
            }
        }
        if (file != null && mode == Mode.AUTO) {
            // Opened on a file (a file association, `caseflow-designer FILE`): show that file, not the monitor.
            mode = Mode.DESIGN;
        }
        return new DesignerOptions(home, runtime, file, mode, demo);
    }
}
