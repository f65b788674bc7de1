package io.caseflow.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a stage does when it runs. */
public enum StageKind {
    /** Runs its handler and moves on along a transition. */
    TASK,
    /** Runs its handler to build a request, sends it to a service and waits for the reply. */
    SERVICE,
    /** Ends the process; its optional handler computes the process result. */
    END;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StageKind fromJson(String value) {
        for (StageKind kind : values()) {
            if (kind.jsonName().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown stage kind '" + value + "'; use one of "
                + Arrays.stream(values()).map(StageKind::jsonName).collect(Collectors.joining(", ")));
    }
}
