package io.caseflow.samples.jvm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the tests do to the local RabbitMQ from outside, with {@code rabbitmqctl}: the faults a deployment meets. */
public final class BrokerControl {
    private BrokerControl() {
    }

    /** Restarts the RabbitMQ application (all connections drop; durable queues and their messages stay). */
    public static void restartBroker() throws Exception {
        rabbitmqctl("stop_app");
        rabbitmqctl("start_app");
        rabbitmqctl("await_startup");
    }

    /** Closes, on the broker's side, the connection a client named {@code name}, as a network cut would. */
    public static void closeConnectionNamed(String name) throws Exception {
        String listing = rabbitmqctl("list_connections", "-q", "pid", "client_properties");
        String pid = listing.lines().filter(line -> line.contains("{\"connection_name\",\"" + name + "\"}"))
                .map(line -> line.substring(0, line.indexOf('\t'))).findFirst()
                .orElseThrow(() -> new AssertionError("no connection named " + name + " in:\n" + listing));
        rabbitmqctl("close_connection", pid, "caseflow test: the client must come back");
    }

    private static String rabbitmqctl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
