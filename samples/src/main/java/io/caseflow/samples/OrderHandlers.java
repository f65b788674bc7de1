package io.caseflow.samples;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.handler.StageContext;
import io.caseflow.handler.StageOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stage handlers of businessCase1. Each reads what it needs from the context and says what comes
 * next; effects outside the process record go through services.
 *
 * <p>Failure on demand: an order whose input has {@code "failAt": "<stage>"} makes that stage's
 * handler throw. The value is copied into the process data, so an operator can remove it there and
 * retry the process.
 */
final class OrderHandlers {
    static final String FAIL_AT = "failAt";

    private OrderHandlers() {
    }

    static StageOutcome validateOrder(StageContext ctx) {
        JsonNode order = ctx.input();
        failOnDemand(ctx, order.path(FAIL_AT).asText(null));
        if (!order.hasNonNull("orderId")) {
            return ctx.failPermanently("the order has no orderId");
        }
        JsonNode items = order.path("items");
        if (!items.isArray() || items.isEmpty()) {
            return ctx.failPermanently("order " + order.path("orderId").asText() + " has no items");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : items) {
            total = total.add(item.path("price").decimalValue().multiply(BigDecimal.valueOf(item.path("qty").asLong())));
        }
        ctx.data().put("orderId", order.path("orderId").asText())
                .put("customer", order.path("customer").asText("anonymous"))
                .put("total", total.setScale(2, RoundingMode.HALF_UP));
        if (order.hasNonNull(FAIL_AT)) {
            ctx.data().put(FAIL_AT, order.path(FAIL_AT).asText());
        }
        return ctx.next();
    }

    static StageOutcome reserveStock(StageContext ctx) {
        failOnDemand(ctx);
        return ctx.callService(Map.of("orderId", orderId(ctx), "items", ctx.input().path("items")));
    }

    static StageOutcome chargePayment(StageContext ctx) {
        failOnDemand(ctx);
        return ctx.callService(Map.of("orderId", orderId(ctx),
                "amount", ctx.data().get("total").orElseThrow().decimalValue(),
                "method", ctx.input().path("paymentMethod").asText("card")));
    }

    static StageOutcome createShipment(StageContext ctx) {
        failOnDemand(ctx);
        return ctx.callService(Map.of("orderId", orderId(ctx), "address", ctx.input().path("address").asText("unknown")));
    }

    static StageOutcome notifyCustomer(StageContext ctx) {
        failOnDemand(ctx);
        String shipment = ctx.reply().map(r -> r.path("shipmentId").asText()).orElse("?");
        ctx.data().put("notification", "Dear " + ctx.data().getText("customer", "customer") + ", order " + orderId(ctx)
                + " ships as " + shipment + ".");
        return ctx.next();
    }

    static StageOutcome summarize(StageContext ctx) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("orderId", orderId(ctx));
        summary.put("status", "shipped");
        summary.put("receipt", ctx.result("chargePayment").map(r -> r.path("receipt").asText()).orElse(null));
        summary.put("shipmentId", ctx.result("createShipment").map(r -> r.path("shipmentId").asText()).orElse(null));
        summary.put("total", ctx.data().get("total").orElse(null));
        return ctx.complete(summary);
    }

    static StageOutcome releaseStock(StageContext ctx) {
        failOnDemand(ctx);
        return ctx.callService(Map.of("orderId", orderId(ctx), "items", ctx.input().path("items")));
    }

    static StageOutcome cancelOrder(StageContext ctx) {
        failOnDemand(ctx);
        String reason = ctx.result("chargePayment").map(r -> r.path("reason").asText("declined")).orElse("declined");
        ctx.data().put("cancelReason", "payment declined: " + reason);
        return ctx.next();
    }

    private static String orderId(StageContext ctx) {
        return ctx.data().getText("orderId", ctx.input().path("orderId").asText());
    }

    private static void failOnDemand(StageContext ctx) {
        failOnDemand(ctx, ctx.data().getText(FAIL_AT, null));
    }

    private static void failOnDemand(StageContext ctx, String failAt) {
        if (ctx.stage().equals(failAt)) {
            throw new SimulatedFailure("simulated failure at stage '" + ctx.stage() + "' (the order asked for it with failAt; "
                    + "remove failAt from the process data and retry)");
        }
    }

    /** The failure a sample order asks for, so the monitor has something to retry. */
    static final class SimulatedFailure extends RuntimeException {
        SimulatedFailure(String message) {
            super(message);
        }
    }
}
