package io.caseflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.client.ApiException;
import io.caseflow.client.CaseflowClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that talks to a server through the HTTP API: where the server is, {@code --json}, and one error line on failure. */
abstract class ClientCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--json", description = "Print the server's JSON as it is.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The exit code a command sets when it did its work but the outcome is not a success (e.g. a cancelled job). */
    int exit;

    abstract void run(CaseflowClient api, PrintWriter out) throws Exception;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            run(client.client(), out);
            return exit;
        } catch (ApiException e) {
            out.println("ERROR " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }

    void print(PrintWriter out, JsonNode node, String human) {
        out.println(json ? node.toPrettyString() : human);
    }
}
