package io.caseflow.designer.deploy;

import io.caseflow.client.ApiException;
import io.caseflow.client.CaseflowClient;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.validation.ValidationReport;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A shared runtime reached over its HTTP API: the latest version comes from the server, validation is
 * the server's own (its handlers), and deploy is refused by the server's validator with the same
 * problems the designer shows. Every failure becomes a {@link RemoteTargetException} whose message
 * says what went wrong and what to do; nothing is changed on the server when a call fails.
 */
public final class RemoteTarget implements DeployTarget {
    private final ConnectionProfile profile;
    private final CaseflowClient client;

    public RemoteTarget(ConnectionProfile profile) {
        this.profile = profile;
        this.client = new CaseflowClient(profile.url(), profile.token());
    }

    @Override
    public String describe() {
        return profile.toString();
    }

    @Override
    public Optional<CaseDefinition> latest(CaseKey key) {
        return call("read the deployed versions of " + key, () -> client.latest(key));
    }

    @Override
    public ValidationReport validate(CaseDefinition definition) {
        return call("validate " + definition.key(), () -> client.validate(definition));
    }

    @Override
    public DeployedDefinition deploy(CaseDefinition definition) {
        return call("deploy " + definition.key(), () -> client.deployDefinition(definition));
    }

    /** What the server's live workers and service consumers cover of {@code definition}. */
    public LiveCoverage coverage(CaseDefinition definition) {
        return call("read the live workers", () -> new LiveCoverage(client.workers(),
                client.services(LiveCoverage.servicesOf(definition))));
    }

    public ConnectionProfile profile() {
        return profile;
    }

    private <T> T call(String what, RemoteCall<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw new RemoteTargetException(explain(what, e), e);
        } catch (UncheckedIOException e) {
            throw new RemoteTargetException("Cannot " + what + ": " + profile + " does not answer (" + rootMessage(e)
                    + "). Check the URL and that the server is running.", e);
        } catch (IllegalArgumentException e) {
            throw new RemoteTargetException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private String explain(String what, ApiException e) {
        String start = "Cannot " + what + " on " + profile + ": ";
        return switch (e.status()) {
            case 401 -> start + "the server refused the token. Check the profile's token (the server's API token).";
            case 403 -> start + "the server says " + e.getMessage() + ". Deploying needs a deployer or admin token (the API token).";
            case 404 -> start + "the server has no such endpoint (" + e.getMessage() + "). Is the URL a caseflow server, "
                    + "with no path after the host and port?";
            case 503 -> start + "the server's store or broker is unavailable; try again shortly.";
            default -> start + e.getMessage() + " (HTTP " + e.status() + ", " + e.code() + ")";
        };
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && depth < 10; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    @FunctionalInterface
    private interface RemoteCall<T> {
        T run();
    }
}
