package io.caseflow.designer.monitor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Deployed definitions by case and version, read once from the source (they never change). Thread-safe. */
public final class DefinitionCache {
    private record Key(CaseKey key, int version) {
    }

    private final MonitorSource source;
    private final ConcurrentHashMap<Key, CompletableFuture<Optional<CaseDefinition>>> cache = new ConcurrentHashMap<>();

    public DefinitionCache(MonitorSource source) {
        this.source = source;
    }

    public CompletableFuture<Optional<CaseDefinition>> get(CaseKey key, int version) {
        Key k = new Key(key, version);
        CompletableFuture<Optional<CaseDefinition>> f = cache.computeIfAbsent(k, x -> source.definition(key, version));
        f.whenComplete((d, e) -> {
            if (e != null || d.isEmpty()) {
                cache.remove(k, f);
            }
        });
        return f;
    }

    /** Remembers a definition already at hand (from the source's list of deployed definitions). */
    public void put(CaseDefinition definition) {
        cache.putIfAbsent(new Key(definition.key(), definition.version()), CompletableFuture.completedFuture(Optional.of(definition)));
    }
}
