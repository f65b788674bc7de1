package io.caseflow.handler;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stage handlers by name, as a definition's {@code handler} field refers to them. A worker's registry
 * is what the validator checks "unknown handler" against. Thread-safe.
 *
 * <p>An optional {@link #fallback fallback} runs for every name that has no handler of its own (the
 * designer's Play simulates every stage this way):
 *
 * <pre>{@code
 * HandlerRegistry simulated = new HandlerRegistry().fallback(ctx -> ctx.next());
 * }</pre>
 */
public final class HandlerRegistry {
    private final Map<String, StageHandler> handlers = new ConcurrentHashMap<>();
    private volatile StageHandler fallback;

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

    /**
     * Runs {@code handler} for any name not registered. It adds no name: {@link #contains} and
     * {@link #names} still list the registered handlers only, so a runtime whose registry holds
     * nothing but a fallback does not check handler names when it deploys.
     */
    public HandlerRegistry fallback(StageHandler handler) {
        this.fallback = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Whether a handler of this name is registered (the fallback does not count). */
    public boolean contains(String name) {
        return handlers.containsKey(name);
    }

    /** The handler registered under {@code name}, else the fallback, else none. */
    public Optional<StageHandler> find(String name) {
        StageHandler registered = handlers.get(name);
        return Optional.ofNullable(registered != null ? registered : fallback);
    }

    public Set<String> names() {
        return new TreeSet<>(handlers.keySet());
    }
}
