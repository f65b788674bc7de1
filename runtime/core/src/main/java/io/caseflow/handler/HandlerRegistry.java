package io.caseflow.handler;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stage handlers by name, as a definition's {@code handler} field refers to them. A worker's registry
 * is what the validator checks "unknown handler" against. Thread-safe.
 */
public final class HandlerRegistry {
    private final Map<String, StageHandler> handlers = new ConcurrentHashMap<>();

    public HandlerRegistry register(String name, StageHandler handler) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a handler needs a name");
        }
        StageHandler previous = handlers.putIfAbsent(name, handler);
        if (previous != null && previous != handler) {
            throw new IllegalArgumentException("handler '" + name + "' is already registered");
        }
        return this;
    }

    public boolean contains(String name) {
        return handlers.containsKey(name);
    }

    public Optional<StageHandler> find(String name) {
        return Optional.ofNullable(handlers.get(name));
    }

    public Set<String> names() {
        return new TreeSet<>(handlers.keySet());
    }
}
