package io.caseflow.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * One stage of a case as designed: what runs, how long it may take, how it is retried and where it
 * is drawn.
 *
 * <p>{@code timeout} bounds one run of the handler. {@code replyTimeout} (service stages) bounds the
 * wait for the service's reply; when it passes, the same request (same task id) is sent again while
 * attempts remain, so a slow service never applies a command twice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageDefinition(String name,
                              StageKind kind,
                              String handler,
                              String service,
                              String command,
                              Duration timeout,
                              Duration replyTimeout,
                              RetryPolicy retry,
                              Layout layout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMinutes(5);

    @JsonCreator
    public StageDefinition(@JsonProperty("name") String name,
                           @JsonProperty("kind") StageKind kind,
                           @JsonProperty("handler") String handler,
                           @JsonProperty("service") String service,
                           @JsonProperty("command") String command,
                           @JsonProperty("timeout") Duration timeout,
                           @JsonProperty("replyTimeout") Duration replyTimeout,
                           @JsonProperty("retry") RetryPolicy retry,
                           @JsonProperty("layout") Layout layout) {
        this.name = name;
        this.kind = kind == null ? StageKind.TASK : kind;
        this.handler = blankToNull(handler);
        this.service = blankToNull(service);
        this.command = blankToNull(command);
        this.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        this.replyTimeout = this.kind == StageKind.SERVICE && replyTimeout == null ? DEFAULT_REPLY_TIMEOUT : replyTimeout;
        this.retry = retry == null ? RetryPolicy.DEFAULT : retry;
        this.layout = layout == null ? Layout.ORIGIN : layout;
    }

    public static StageDefinition task(String name, String handler) {
        return new StageDefinition(name, StageKind.TASK, handler, null, null, null, null, null, null);
    }

    public static StageDefinition service(String name, String handler, String service, String command) {
        return new StageDefinition(name, StageKind.SERVICE, handler, service, command, null, null, null, null);
    }

    public static StageDefinition end(String name) {
        return new StageDefinition(name, StageKind.END, null, null, null, null, null, null, null);
    }

    public boolean isEnd() {
        return kind == StageKind.END;
    }

    public boolean isService() {
        return kind == StageKind.SERVICE;
    }

    public StageDefinition withName(String newName) {
        return new StageDefinition(newName, kind, handler, service, command, timeout, replyTimeout, retry, layout);
    }

    public StageDefinition withKind(StageKind newKind) {
        return new StageDefinition(name, newKind, handler, service, command, timeout, replyTimeout, retry, layout);
    }

    public StageDefinition withHandler(String newHandler) {
        return new StageDefinition(name, kind, newHandler, service, command, timeout, replyTimeout, retry, layout);
    }

    public StageDefinition withService(String newService, String newCommand) {
        return new StageDefinition(name, kind, handler, newService, newCommand, timeout, replyTimeout, retry, layout);
    }

    public StageDefinition withTimeout(Duration newTimeout) {
        return new StageDefinition(name, kind, handler, service, command, newTimeout, replyTimeout, retry, layout);
    }

    public StageDefinition withReplyTimeout(Duration newReplyTimeout) {
        return new StageDefinition(name, kind, handler, service, command, timeout, newReplyTimeout, retry, layout);
    }

    public StageDefinition withRetry(RetryPolicy newRetry) {
        return new StageDefinition(name, kind, handler, service, command, timeout, replyTimeout, newRetry, layout);
    }

    public StageDefinition withLayout(Layout newLayout) {
        return new StageDefinition(name, kind, handler, service, command, timeout, replyTimeout, retry, newLayout);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
