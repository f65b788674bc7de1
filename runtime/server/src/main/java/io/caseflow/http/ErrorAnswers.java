package io.caseflow.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import io.caseflow.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures nobody asked for into the API's one error shape: an unavailable store is {@code 503
 * unavailable} with {@code Retry-After}, anything else unexpected {@code 500 internal}; either way the
 * client gets one plain sentence and the log gets the cause (never the database's own words in an answer).
 */
final class ErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
    /** How long a client should wait before trying again after a 503: about a database restart's blink. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private ErrorAnswers() {
    }

    /** Answers for store failures and for any exception no more specific handler took. */
    static void install(Javalin app) {
        // Javalin's own refusals (a body over the size limit, ...) would otherwise be text or HTML.
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage(), null));
        app.exception(StoreException.class, (e, ctx) -> unexpected(ctx, e));
        app.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
    }

    private static void unexpected(Context ctx, Exception e) {
        if (StoreException.isUnavailable(e)) {
            LOG.warn("store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            unavailable(ctx, "the process store is unavailable; try again shortly");
        } else {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal", "the server failed on this request; the server log has the cause", null);
        }
    }

    /** {@code 503 unavailable} with {@code Retry-After}: what fails now may work after a pause. */
    static void unavailable(Context ctx, String message) {
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER.toSeconds()));
        error(ctx, 503, "unavailable", message, null);
    }

    static void error(Context ctx, int status, String code, String message, Object details) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        if (details != null) {
            error.set("details", Json.tree(details));
        }
        ctx.status(status).json(body);
    }

    /** The error shape as text, for answers made outside a route (Jetty's own). */
    static String body(int status, String reason) {
        String message = reason == null || reason.isBlank() ? "the HTTP server refused the request (" + status + ")" : reason;
        ObjectNode body = Json.object();
        body.putObject("error").put("code", codeFor(status)).put("message", message);
        return Json.write(body);
    }

    /** The stable code of an answer the HTTP server made itself. */
    static String codeFor(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }
}
