package io.caseflow.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code caseflow} command: entry point of the runnable jar. */
@Command(name = "caseflow", mixinStandardHelpOptions = true, versionProvider = CaseflowCli.Version.class,
        description = "Runs business cases: stages that hand off through queues and call services.",
        subcommands = {ServerCommand.class, WorkerCommand.class, DeployCommand.class, ProcessesCommand.class, JobsCommand.class,
                DeadLettersCommand.class, WorkersCommand.class,
                RetentionCommand.class,
                ValidateCommand.class, CommandLine.HelpCommand.class})
public final class CaseflowCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LogFormat.apply(System.getenv("CASEFLOW_LOG_FORMAT"));
        System.exit(commandLine().execute(args));
    }

    /** The command line with every extension found on the classpath. */
    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new CaseflowCli());
        for (CliExtension extension : ServiceLoader.load(CliExtension.class)) {
            extension.addTo(root);
        }
        root.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            commandLine.getErr().println("caseflow: " + error.getMessage());
            return 1;
        });
        return root;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest, or "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CaseflowCli.class.getPackage().getImplementationVersion();
            return new String[] {"caseflow " + (version == null ? "development build" : version)};
        }
    }
}
