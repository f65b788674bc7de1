import io.caseflow.cli.CaseflowCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the caseflow CLI's bash completion and man page from the same command line the CLI builds
 * (CaseflowCli.commandLine(), so the extensions found on the class path, such as demo, are in both).
 * Run by installers/build.sh as a single-file program: java -cp "input/*" CliDocs.java OUT_DIR VERSION
 * The man page is the --help of each command, preformatted: picocli's ManPageGenerator lives in
 * picocli-codegen, one more dependency for the same text.
 */
public final class CliDocs {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String version = args[1];
        Files.createDirectories(out);
        CommandLine root = CaseflowCli.commandLine();
        Files.writeString(out.resolve("caseflow.bash"), AutoComplete.bash("caseflow", root));

        StringBuilder man = new StringBuilder();
        man.append(".TH CASEFLOW 1 \"").append(LocalDate.now()).append("\" \"caseflow ").append(version)
                .append("\" \"caseflow manual\"\n");
        man.append(".SH NAME\ncaseflow \\- runs business cases: server, worker, deploy, processes, demo\n");
        man.append(".SH SYNOPSIS\n.B caseflow\n[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]\n");
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        for (CommandLine command : all) {
            String name = command.getCommandSpec().qualifiedName(" ");
            man.append(".SH \"").append(name.toUpperCase()).append("\"\n.nf\n")
                    .append(roff(command.getUsageMessage(CommandLine.Help.Ansi.OFF)))
                    .append("\n.fi\n");
        }
        man.append(".SH FILES\n.TP\n/etc/caseflow/server.env, /etc/caseflow/worker.env\n")
                .append("Environment of the caseflow-server and caseflow-worker systemd units.\n")
                .append(".SH SEE ALSO\n.BR caseflow-designer (1)\n");
        Files.writeString(out.resolve("caseflow.1"), man.toString());
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!into.contains(sub) && !sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub, into);
            }
        }
    }

    /** Escapes text for a roff .nf block: backslashes, and lines that start with a dot or quote. */
    private static String roff(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.replace("\\", "\\e").split("\n", -1)) {
            if (line.startsWith(".") || line.startsWith("'")) {
                b.append("\\&");
            }
            b.append(line).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
