package io.caseflow.samples;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.handler.HandlerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The seed's {@code businessCase1}, made concrete as an order flow: validate the order, reserve stock
 * (warehouse), charge the payment (payments); on {@code ok} create the shipment (shipping), notify the
 * customer and complete; on {@code declined} release the stock and cancel.
 */
public final class BusinessCase1 {
    public static final CaseKey KEY = new CaseKey("businessCase1", "v1");
    /** The definition as a classpath resource (and as a file under samples/src/main/resources). */
    public static final String RESOURCE = "/cases/businessCase1/businessCase1.case.json";

    private BusinessCase1() {
    }

    public static CaseDefinition definition() {
        try (InputStream in = BusinessCase1.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the samples jar lacks " + RESOURCE);
            }
            return DefinitionJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DefinitionFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Registers every handler businessCase1 names. */
    public static HandlerRegistry registerHandlers(HandlerRegistry registry) {
        return registry
                .register("orders.validateOrder", OrderHandlers::validateOrder)
                .register("orders.reserveStock", OrderHandlers::reserveStock)
                .register("orders.chargePayment", OrderHandlers::chargePayment)
                .register("orders.createShipment", OrderHandlers::createShipment)
                .register("orders.notifyCustomer", OrderHandlers::notifyCustomer)
                .register("orders.summarize", OrderHandlers::summarize)
                .register("orders.releaseStock", OrderHandlers::releaseStock)
                .register("orders.cancelOrder", OrderHandlers::cancelOrder);
    }
}
