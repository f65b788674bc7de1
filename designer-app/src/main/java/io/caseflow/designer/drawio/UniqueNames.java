package io.caseflow.designer.drawio;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stage names as a person would tell twins apart: {@code Check}, {@code Check 2}, {@code Check 3};
 * unlabelled shapes {@code stage1}, {@code stage2}. Each base remembers its last number, so naming n
 * shapes costs O(n) however many share a label.
 */
final class UniqueNames {
    private final Set<String> taken = new HashSet<>();
    private final Map<String, Integer> next = new HashMap<>();

    boolean isTaken(String name) {
        return taken.contains(name);
    }

    /** {@code base} if free, else {@code base 2}, {@code base 3}, ...; the name returned is taken. */
    String unique(String base) {
        return take(taken.contains(base) ? free(base, " ", 2) : base);
    }

    /** {@code prefix1}, {@code prefix2}, ...: the first free; the name returned is taken. */
    String numbered(String prefix) {
        return take(free(prefix, "", 1));
    }

    private String free(String base, String separator, int first) {
        int i = next.getOrDefault(base + separator, first);
        while (taken.contains(base + separator + i)) {
            i++;
        }
        next.put(base + separator, i + 1);
        return base + separator + i;
    }

    private String take(String name) {
        taken.add(name);
        return name;
    }
}
