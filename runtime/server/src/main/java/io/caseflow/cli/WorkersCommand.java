package io.caseflow.cli;

import io.caseflow.client.CaseflowClient;
import io.caseflow.definition.CaseKey;
import io.caseflow.worker.WorkerRecord;
import io.caseflow.worker.WorkerSnapshot;
import io.caseflow.worker.WorkerStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caseflow workers list}: the live worker registry, through the HTTP API. */
@Command(name = "workers", mixinStandardHelpOptions = true,
        description = "Shows the workers, servers and embedded runtimes registered with a caseflow server's store.",
        subcommands = {WorkersCommand.ListWorkers.class})
final class WorkersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists registered nodes: alive (heartbeat within 3 intervals), gone (missed them: killed or cut off) "
                    + "or stopped (cleanly). Records not seen for a day are deleted.")
    static final class ListWorkers extends ClientCommand {
        private static final List<String> HEADER = List.of("ID", "KIND", "HOST", "PID", "STATUS", "LAST SEEN", "VERSION", "CASES",
                "HANDLERS", "SERVICES");

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            if (json) {
                out.println(api.get("/api/workers").toPrettyString());
                return;
            }
            List<WorkerSnapshot> workers = api.workers();
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADER);
            Map<WorkerStatus, Integer> counts = new EnumMap<>(WorkerStatus.class);
            for (WorkerSnapshot snapshot : workers) {
                rows.add(row(snapshot));
                counts.merge(snapshot.status(), 1, Integer::sum);
            }
            out.print(table(rows));
            out.println(workers.size() + " registered: " + counts.getOrDefault(WorkerStatus.ALIVE, 0) + " alive, "
                    + counts.getOrDefault(WorkerStatus.GONE, 0) + " gone, " + counts.getOrDefault(WorkerStatus.STOPPED, 0) + " stopped");
        }

        private static List<String> row(WorkerSnapshot snapshot) {
            WorkerRecord worker = snapshot.worker();
            return List.of(worker.id(), worker.kind(), worker.host(), Long.toString(worker.pid()),
                    snapshot.status().name().toLowerCase(Locale.ROOT), ago(snapshot.lastSeenAgo()), worker.version(),
                    orDash(worker.cases().stream().map(CaseKey::toString).collect(Collectors.joining(","))),
                    Integer.toString(worker.handlers().size()), orDash(String.join(",", worker.services())));
        }

        /** Columns as wide as their widest cell, two spaces apart. */
        static String table(List<List<String>> rows) {
            int columns = rows.get(0).size();
            int[] widths = new int[columns];
            for (List<String> row : rows) {
                for (int c = 0; c < columns; c++) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            StringBuilder text = new StringBuilder();
            for (List<String> row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    line.append(c == columns - 1 ? row.get(c) : String.format("%-" + widths[c] + "s  ", row.get(c)));
                }
                text.append(line.toString().stripTrailing()).append(System.lineSeparator());
            }
            return text.toString();
        }

        /** "4s ago", "3m 10s ago", "2h 5m ago", "1d 3h ago". */
        static String ago(Duration ago) {
            long seconds = ago.toSeconds();
            if (seconds < 60) {
                return seconds + "s ago";
            }
            if (seconds < 3600) {
                return seconds / 60 + "m " + seconds % 60 + "s ago";
            }
            if (seconds < 86_400) {
                return seconds / 3600 + "h " + seconds % 3600 / 60 + "m ago";
            }
            return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h ago";
        }

        private static String orDash(String text) {
            return text.isEmpty() ? "-" : text;
        }
    }
}
