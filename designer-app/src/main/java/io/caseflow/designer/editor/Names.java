package io.caseflow.designer.editor;

import java.util.Set;

/** Fresh stage names that do not clash with the ones a case already has. */
public final class Names {
    private Names() {
    }

    /** {@code base} if free, else {@code base2}, {@code base3}, ... */
    public static String unique(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        String stem = base.replaceFirst("\\d+$", "");
        for (int i = 2; ; i++) {
            String candidate = stem + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** {@code prefix1}, {@code prefix2}, ...: the first that is free. */
    public static String numbered(String prefix, Set<String> taken) {
        for (int i = 1; ; i++) {
            String candidate = prefix + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
