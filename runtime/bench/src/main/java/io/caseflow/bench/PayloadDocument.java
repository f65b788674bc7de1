package io.caseflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * A JSON document of about a given size, shaped like what real cases carry (an order, an API reply, an item list):
 * an object holding a list of items, each an object of a dozen fields of words, codes and numbers. Deflate shrinks it
 * about 4x, as it does such replies; one string of a repeated letter, the other shape, shrinks to almost nothing and
 * costs the JSON writer one bulk copy, so it flatters both a compressing store and the encoder.
 *
 * <p>Built the same for the same size (a fixed seed), once per benchmark: every process carries the same tree.
 */
final class PayloadDocument {
    private static final String[] WORDS = {"order", "invoice", "parcel", "warehouse", "customer", "shipment", "payment", "refund",
            "express", "standard", "fragile", "return", "priority", "account", "address", "street", "north", "harbour", "station",
            "delivered", "pending", "approved", "rejected", "review", "blue", "green", "large", "small", "steel", "cotton", "paper",
            "glass", "winter", "summer", "monday", "friday", "contract", "discount", "voucher", "tracking", "carrier", "label",
            "insured", "signed", "morning", "evening", "retail", "wholesale", "sample", "bundle", "spare", "kit", "manual", "battery"};
    private static final String[] STATUSES = {"RESERVED", "PICKED", "PACKED", "SHIPPED", "BACKORDERED"};

    private PayloadDocument() {
    }

    /** A document whose UTF-8 JSON is {@code bytes} long or a little longer (by less than one item); 0 gives null. */
    static JsonNode ofAbout(int bytes) {
        if (bytes <= 0) {
            return null;
        }
        Random random = new Random(bytes);
        ObjectNode document = Json.object();
        document.put("reference", "DOC-" + Integer.toHexString(bytes).toUpperCase(Locale.ROOT));
        document.put("currency", "EUR");
        ArrayNode items = document.putArray("items");
        long size = encodedLength(document);
        // Each item adds its own text and a comma; the loop is bounded by the size asked for, at least one byte an item.
        for (int line = 1; size < bytes; line++) {
            ObjectNode item = item(random, line);
            items.add(item);
            size += encodedLength(item) + (line > 1 ? 1 : 0);
        }
        return document;
    }

    private static ObjectNode item(Random random, int line) {
        ObjectNode item = Json.object();
        item.put("line", line);
        item.put("sku", "SKU-" + (100_000 + random.nextInt(900_000)));
        item.put("name", words(random, 3));
        item.put("description", words(random, 8 + random.nextInt(8)));
        item.put("qty", 1 + random.nextInt(20));
        item.put("price", Math.round(random.nextDouble() * 100_000) / 100.0);
        item.put("weightKg", Math.round(random.nextDouble() * 5_000) / 1000.0);
        item.put("status", STATUSES[random.nextInt(STATUSES.length)]);
        item.put("warehouse", "WH-" + (1 + random.nextInt(40)));
        item.put("gift", random.nextInt(10) == 0);
        ArrayNode tags = item.putArray("tags");
        for (int i = random.nextInt(4); i > 0; i--) {
            tags.add(WORDS[random.nextInt(WORDS.length)]);
        }
        return item;
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static long encodedLength(JsonNode node) {
        return Json.write(node).getBytes(StandardCharsets.UTF_8).length;
    }
}
