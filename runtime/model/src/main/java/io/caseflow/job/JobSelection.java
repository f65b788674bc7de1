package io.caseflow.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which processes a bulk job acts on: either a query (every field optional, all given ones must match)
 * or a list of process ids. Selected once, when the job is created.
 *
 * @param errorContains a case-insensitive substring of the failure message
 * @param since processes last changed at or after this instant (for a failed process: when it failed)
 * @param until processes last changed before this instant
 * @param ids explicit process ids; when not empty, no query field may be set
 */
public record JobSelection(Set<ProcessStatus> statuses, String caseName, String caseApi, Integer caseVersion, String stage,
                           String errorContains, Instant since, Instant until, List<String> ids) {
    public static final int MAX_IDS = 10_000;

    public JobSelection {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        caseName = blankToNull(caseName);
        caseApi = blankToNull(caseApi);
        stage = blankToNull(stage);
        errorContains = blankToNull(errorContains);
        ids = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
        if (!ids.isEmpty() && hasQuery(statuses, caseName, caseApi, caseVersion, stage, errorContains, since, until)) {
            throw new JobRequestException("ids", "give either 'ids' or a 'query', not both");
        }
        if (ids.size() > MAX_IDS) {
            throw new JobRequestException("ids", "at most " + MAX_IDS + " ids per job, got " + ids.size() + "; use a query for more");
        }
        for (String id : ids) {
            if (id == null || id.isBlank() || id.length() > 36) {
                throw new JobRequestException("ids", "'" + id + "' is not a process id");
            }
        }
        if (caseApi != null && caseName == null) {
            throw new JobRequestException("query.api", "'api' needs 'case' too");
        }
        if (caseVersion != null && (caseName == null || caseVersion < 1)) {
            throw new JobRequestException("query.version", "'version' must be 1 or more and needs 'case' and 'api'");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new JobRequestException("query.until", "'until' (" + until + ") must be after 'since' (" + since + ")");
        }
    }

    public static JobSelection ofIds(List<String> ids) {
        return new JobSelection(Set.of(), null, null, null, null, null, null, null, ids);
    }

    /** Whether nothing narrows the selection (no query field and no ids): such a job would act on every process. */
    public boolean isEmpty() {
        return ids.isEmpty() && !hasQuery(statuses, caseName, caseApi, caseVersion, stage, errorContains, since, until);
    }

    public boolean byIds() {
        return !ids.isEmpty();
    }

    public JobSelection withStatuses(Set<ProcessStatus> value) {
        return new JobSelection(value, caseName, caseApi, caseVersion, stage, errorContains, since, until, ids);
    }

    private static boolean hasQuery(Set<ProcessStatus> statuses, String caseName, String caseApi, Integer caseVersion, String stage,
                                    String errorContains, Instant since, Instant until) {
        return !statuses.isEmpty() || caseName != null || caseApi != null || caseVersion != null || stage != null
                || errorContains != null || since != null || until != null;
    }

    /** The JSON form: {@code {"ids": [...]}} or {@code {"query": {"status": [...], "case", "api", "version", "stage", "errorContains", "since", "until"}}}. */
    public void writeTo(ObjectNode node) {
        if (byIds()) {
            ArrayNode array = node.putArray("ids");
            ids.forEach(array::add);
            return;
        }
        ObjectNode query = node.putObject("query");
        if (!statuses.isEmpty()) {
            ArrayNode array = query.putArray("status");
            statuses.stream().sorted().forEach(s -> array.add(s.name()));
        }
        putIf(query, "case", caseName);
        putIf(query, "api", caseApi);
        if (caseVersion != null) {
            query.put("version", caseVersion);
        }
        putIf(query, "stage", stage);
        putIf(query, "errorContains", errorContains);
        putIf(query, "since", since == null ? null : since.toString());
        putIf(query, "until", until == null ? null : until.toString());
    }

    /** Reads {@code ids} or {@code query} of a request; fields it does not know are refused, naming them. */
    public static JobSelection read(JsonNode request) {
        JsonNode idsNode = request.path("ids");
        JsonNode query = request.path("query");
        if (!idsNode.isMissingNode() && !idsNode.isNull()) {
            if (!idsNode.isArray()) {
                throw new JobRequestException("ids", "'ids' must be an array of process ids");
            }
            if (!query.isMissingNode() && !query.isNull()) {
                throw new JobRequestException("ids", "give either 'ids' or a 'query', not both");
            }
            List<String> ids = new ArrayList<>();
            idsNode.forEach(id -> {
                if (!id.isTextual()) {
                    throw new JobRequestException("ids", "'ids' must hold process ids as strings, found " + id);
                }
                ids.add(id.asText());
            });
            if (ids.isEmpty()) {
                throw new JobRequestException("ids", "'ids' is empty: name at least one process");
            }
            return ofIds(ids);
        }
        if (query.isMissingNode() || query.isNull()) {
            throw new JobRequestException("query", "give a 'query' (status, case, api, version, stage, errorContains, since, until) or 'ids'");
        }
        if (!query.isObject()) {
            throw new JobRequestException("query", "'query' must be a JSON object");
        }
        Set<String> known = Set.of("status", "case", "api", "version", "stage", "errorContains", "since", "until");
        query.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new JobRequestException("query." + name, "unknown query field '" + name + "'; use " + String.join(", ", known.stream().sorted().toList()));
            }
        });
        JsonNode version = query.path("version");
        if (!version.isMissingNode() && !version.isNull() && !version.canConvertToInt()) {
            throw new JobRequestException("query.version", "'version' must be a whole number");
        }
        JobSelection selection = new JobSelection(statuses(query.path("status")), text(query, "case"), text(query, "api"),
                version.isMissingNode() || version.isNull() ? null : version.asInt(), text(query, "stage"), text(query, "errorContains"),
                instant(query, "since"), instant(query, "until"), List.of());
        if (selection.isEmpty()) {
            throw new JobRequestException("query", "the query is empty and would select every process; name at least one of "
                    + "status, case, stage, errorContains, since, until (or give ids)");
        }
        return selection;
    }

    /** A status list as an array or a comma-separated text. */
    public static Set<ProcessStatus> statuses(JsonNode node) {
        Set<ProcessStatus> statuses = EnumSet.noneOf(ProcessStatus.class);
        if (node.isMissingNode() || node.isNull()) {
            return statuses;
        }
        List<String> parts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> parts.add(item.asText()));
        } else {
            parts.addAll(Arrays.asList(node.asText().split(",")));
        }
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            try {
                statuses.add(ProcessStatus.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new JobRequestException("query.status", "unknown status '" + part.trim() + "'; use one of "
                        + Arrays.stream(ProcessStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return statuses;
    }

    private static String text(JsonNode query, String field) {
        JsonNode value = query.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > 200) {
            throw new JobRequestException("query." + field, "'" + field + "' must be a text of at most 200 characters");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode query, String field) {
        String text = text(query, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new JobRequestException("query." + field, "'" + field + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, was '"
                    + text + "'");
        }
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** This selection as JSON text (for logs). */
    @Override
    public String toString() {
        ObjectNode node = Json.object();
        writeTo(node);
        return node.toString();
    }
}
