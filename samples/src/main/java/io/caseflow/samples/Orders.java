package io.caseflow.samples;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Sample order inputs for businessCase1, reproducible from a seed. A mix decides how many are declined,
 * how many hit a flaky card (a payment error the first time, fixed by a retry) and how many fail on
 * demand at a stage.
 */
public final class Orders {
    private static final String[] SKUS = {"book", "lamp", "chair", "desk", "pen"};
    private static final String[] CUSTOMERS = {"Ada", "Grace", "Linus", "Barbara", "Ken", "Margaret"};

    /** Fractions of orders (0..1) that are declined, flaky or fail at {@code failStage}. */
    public record Mix(double declined, double flaky, double failing, String failStage) {
        public static final Mix ALL_GOOD = new Mix(0, 0, 0, null);
        public static final Mix DEMO = new Mix(0.15, 0.05, 0.03, "notifyCustomer");
    }

    private Orders() {
    }

    public static Map<String, Object> order(int index, Random random, Mix mix) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", "ORD-" + (10000 + index));
        order.put("customer", CUSTOMERS[random.nextInt(CUSTOMERS.length)]);
        order.put("address", (index % 90 + 1) + " Main Street");
        List<Map<String, Object>> items = new ArrayList<>();
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            items.add(Map.of("sku", SKUS[random.nextInt(SKUS.length)], "qty", 1 + random.nextInt(3),
                    "price", BigDecimal.valueOf(5 + random.nextInt(200)).setScale(2)));
        }
        order.put("items", items);
        double roll = random.nextDouble();
        String method = "card";
        if (roll < mix.declined()) {
            method = Payments.DECLINED_CARD;
        } else if (roll < mix.declined() + mix.flaky()) {
            method = Payments.FLAKY_CARD;
        } else if (roll < mix.declined() + mix.flaky() + mix.failing() && mix.failStage() != null) {
            order.put(OrderHandlers.FAIL_AT, mix.failStage());
        }
        order.put("paymentMethod", method);
        return order;
    }
}
