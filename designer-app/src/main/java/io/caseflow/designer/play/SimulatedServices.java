package io.caseflow.designer.play;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.message.ServiceRequest;
import io.caseflow.service.CommandResult;
import io.caseflow.service.IdempotentInbox;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.taskid.InvalidTaskIdException;
import io.caseflow.taskid.TaskIdCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The services a played case calls, simulated on the real service side: one {@link ServiceEndpoint}
 * per service name with an {@link IdempotentInbox} in its own H2 database, consuming requests
 * through the play runtime's transport, so replies carry task ids as in production. Each command
 * reads the stage from the request's task id and answers as {@link PlaySettings} says for that
 * stage, after its delay (on the endpoint's consumer thread).
 */
final class SimulatedServices implements AutoCloseable {
    /** Commands one service applies at once; a long simulated delay holds one of them. */
    static final int CONCURRENCY = 4;

    private final HikariDataSource database;
    private final List<ServiceEndpoint> endpoints = new ArrayList<>();
    private final CaseDefinition definition;
    private final PlaySettings settings;
    private final TaskIdCodec taskIds;

    private SimulatedServices(Path databaseFile, CaseDefinition definition, PlaySettings settings, TaskIdCodec taskIds) {
        this.definition = definition;
        this.settings = settings;
        this.taskIds = taskIds;
        Map<String, Set<String>> commands = commandsByService(definition);
        String url = "jdbc:h2:file:" + databaseFile.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("play-services");
        config.setMaximumPoolSize(Math.min(40, CONCURRENCY * Math.max(1, commands.size()) + 2));
        this.database = new HikariDataSource(config);
        try {
            IdempotentInbox inbox = IdempotentInbox.create(database, url, Clock.systemUTC());
            for (Map.Entry<String, Set<String>> service : commands.entrySet()) {
                ServiceEndpoint.Builder builder = ServiceEndpoint.builder(service.getKey(), inbox);
                for (String command : service.getValue()) {
                    builder.command(command, (transaction, request) -> answer(request));
                }
                endpoints.add(builder.build());
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static SimulatedServices create(Path databaseFile, CaseDefinition definition, PlaySettings settings, TaskIdCodec taskIds) {
        return new SimulatedServices(databaseFile, definition, settings, taskIds);
    }

    private static Map<String, Set<String>> commandsByService(CaseDefinition definition) {
        Map<String, Set<String>> commands = new TreeMap<>();
        for (StageDefinition stage : definition.stages()) {
            if (stage.isService() && stage.service() != null && stage.command() != null) {
                commands.computeIfAbsent(stage.service(), s -> new TreeSet<>()).add(stage.command());
            }
        }
        return commands;
    }

    /** Starts consuming every service's requests through the runtime's transport. */
    void attach(CaseflowRuntime runtime) {
        endpoints.forEach(endpoint -> runtime.attach(endpoint, CONCURRENCY));
    }

    /** The service names simulated, sorted. */
    List<String> names() {
        return endpoints.stream().map(ServiceEndpoint::service).toList();
    }

    private CommandResult answer(ServiceRequest request) throws InterruptedException {
        String stage;
        try {
            stage = taskIds.decode(request.taskId()).stage();
        } catch (InvalidTaskIdException e) {
            return CommandResult.rejected("the simulated service cannot read the task id: " + e.getMessage());
        }
        ServiceBehaviour reply = settings.service(definition, stage);
        if (!reply.delay().isZero()) {
            Thread.sleep(reply.delay().toMillis());
        }
        return reply.isError() ? CommandResult.rejected(reply.error()) : CommandResult.outcome(reply.outcome(), reply.payload());
    }

    @Override
    public void close() {
        database.close();
    }
}
