package io.caseflow.handler;

/**
 * The code of one stage: a plain function that reads what it needs from the context and says what
 * happens next. It may run more than once for the same step (after a crash, before its result was
 * committed); only one result is ever committed. Work with effects outside the process record belongs
 * in a service call, where the service applies it once per task id.
 *
 * <p>Called on an engine worker thread; it may block, up to the stage's timeout.
 *
 * <pre>{@code
 * registry.register("orders.validate", ctx -> {
 *     JsonNode order = ctx.input();
 *     if (order.path("items").isEmpty()) {
 *         return ctx.fail("order has no items");
 *     }
 *     ctx.data().put("total", order.path("total").asDouble());
 *     return ctx.next();
 * });
 * }</pre>
 */
@FunctionalInterface
public interface StageHandler {
    StageOutcome handle(StageContext context) throws Exception;
}
