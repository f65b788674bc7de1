package io.caseflow.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A business case as designed: stages joined by transitions, identified by {@code name} + {@code api}
 * and numbered by {@code version} (assigned on deploy; 0 in a file that was never deployed).
 *
 * <p>Immutable. Read and written by {@link DefinitionJson}; checked by
 * {@link io.caseflow.validation.DefinitionValidator}, which the designer uses too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "api", "version", "description", "startStage", "stages", "transitions"})
public record CaseDefinition(String name,
                             String api,
                             int version,
                             String description,
                             String startStage,
                             List<StageDefinition> stages,
                             List<TransitionDefinition> transitions) {

    @JsonCreator
    public CaseDefinition(@JsonProperty("name") String name,
                          @JsonProperty("api") String api,
                          @JsonProperty("version") Integer version,
                          @JsonProperty("description") String description,
                          @JsonProperty("startStage") String startStage,
                          @JsonProperty("stages") List<StageDefinition> stages,
                          @JsonProperty("transitions") List<TransitionDefinition> transitions) {
        this(name, api, version == null ? 0 : version, description, startStage,
                stages == null ? List.of() : List.copyOf(stages),
                transitions == null ? List.of() : List.copyOf(transitions));
    }

    public CaseDefinition {
        stages = List.copyOf(stages);
        transitions = List.copyOf(transitions);
    }

    @JsonIgnore
    public CaseKey key() {
        return new CaseKey(name, api);
    }

    public Optional<StageDefinition> stage(String stageName) {
        return stages.stream().filter(s -> s.name() != null && s.name().equals(stageName)).findFirst();
    }

    public List<TransitionDefinition> transitionsFrom(String stageName) {
        return transitions.stream().filter(t -> stageName.equals(t.from())).toList();
    }

    /**
     * The transition taken when {@code from} ends with {@code outcome}. An outcome that names a stage
     * (the seed's {@code next({stage})}) selects the edge to that stage; the default outcome selects
     * the only default edge.
     */
    public Optional<TransitionDefinition> transition(String from, String outcome) {
        List<TransitionDefinition> out = transitionsFrom(from);
        Optional<TransitionDefinition> byOutcome = out.stream().filter(t -> t.outcome().equals(outcome)).findFirst();
        if (byOutcome.isPresent()) {
            return byOutcome;
        }
        return out.stream().filter(t -> t.to().equals(outcome)).findFirst();
    }

    public CaseDefinition withVersion(int newVersion) {
        return new CaseDefinition(name, api, newVersion, description, startStage, stages, transitions);
    }

    public CaseDefinition withDescription(String newDescription) {
        return new CaseDefinition(name, api, version, newDescription, startStage, stages, transitions);
    }

    public CaseDefinition withStages(List<StageDefinition> newStages) {
        return new CaseDefinition(name, api, version, description, startStage, newStages, transitions);
    }

    public CaseDefinition withTransitions(List<TransitionDefinition> newTransitions) {
        return new CaseDefinition(name, api, version, description, startStage, stages, newTransitions);
    }

    public CaseDefinition withStartStage(String newStartStage) {
        return new CaseDefinition(name, api, version, description, newStartStage, stages, transitions);
    }

    public CaseDefinition withIdentity(String newName, String newApi) {
        return new CaseDefinition(newName, newApi, version, description, startStage, stages, transitions);
    }

    /** Starts a definition in code; mostly for tests and generated cases. */
    public static Builder builder(String name, String api) {
        return new Builder(name, api);
    }

    /** Collects stages and transitions; the first stage added is the start unless set. */
    public static final class Builder {
        private final String name;
        private final String api;
        private String description;
        private String startStage;
        private final List<StageDefinition> stages = new ArrayList<>();
        private final List<TransitionDefinition> transitions = new ArrayList<>();

        private Builder(String name, String api) {
            this.name = name;
            this.api = api;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder start(String stage) {
            this.startStage = stage;
            return this;
        }

        public Builder stage(StageDefinition stage) {
            stages.add(stage);
            if (startStage == null) {
                startStage = stage.name();
            }
            return this;
        }

        public Builder transition(String from, String to) {
            transitions.add(TransitionDefinition.of(from, to));
            return this;
        }

        public Builder transition(String from, String to, String outcome) {
            transitions.add(new TransitionDefinition(from, to, outcome));
            return this;
        }

        public CaseDefinition build() {
            return new CaseDefinition(name, api, 0, description, startStage, stages, transitions);
        }
    }
}
