package io.caseflow.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code *.case.json} files. Reading never throws a raw parser exception: every
 * failure becomes a {@link DefinitionFormatException} naming the file, line, column and field.
 *
 * <p>Durations are ISO-8601 strings ({@code "PT30S"}, {@code "PT5M"}). Unknown fields are errors, so
 * a misspelt {@code "servcie"} is caught instead of silently ignored.
 */
public final class DefinitionJson {

    public static final String FILE_SUFFIX = ".case.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Only record components are fields of the file; helpers like isEnd() are not.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private DefinitionJson() {
    }

    public static CaseDefinition read(Path file) throws DefinitionFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DefinitionFormatException(file.toString(), 0, 0, "file not found", e);
        } catch (IOException e) {
            throw new DefinitionFormatException(file.toString(), 0, 0, "cannot read file (" + e.getMessage() + ")", e);
        }
        return read(text, file.toString());
    }

    /** Parses {@code json}; {@code source} names it in errors (a file name, "clipboard", a URL). */
    public static CaseDefinition read(String json, String source) throws DefinitionFormatException {
        if (json == null || json.isBlank()) {
            throw new DefinitionFormatException(source, 0, 0, "the file is empty; a case definition is a JSON object", null);
        }
        try {
            CaseDefinition definition = MAPPER.readValue(json, CaseDefinition.class);
            if (definition == null) {
                throw new DefinitionFormatException(source, 1, 1, "the file holds 'null', not a case definition", null);
            }
            return definition;
        } catch (JsonProcessingException e) {
            throw describe(source, e);
        }
    }

    public static String write(CaseDefinition definition) {
        try {
            return MAPPER.writeValueAsString(definition) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write definition " + definition.key(), e);
        }
    }

    public static void write(CaseDefinition definition, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.writeString(temp, write(definition), StandardCharsets.UTF_8);
        // Replace in one step so a crash mid-write never leaves half a file behind.
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static DefinitionFormatException describe(String source, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        String problem;
        if (e instanceof JsonParseException) {
            problem = "not valid JSON: " + e.getOriginalMessage();
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            problem = "unknown field '" + unknown.getPropertyName() + "' at " + path(unknown)
                    + "; known fields: " + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException invalid) {
            problem = path(invalid) + ": '" + invalid.getValue() + "' is not a valid "
                    + friendlyType(invalid.getTargetType()) + hint(invalid.getTargetType());
        } else if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause() == null ? instantiation : instantiation.getCause();
            problem = path(instantiation) + ": " + cause.getMessage();
        } else if (e instanceof MismatchedInputException mismatched) {
            problem = path(mismatched) + ": expected " + friendlyType(mismatched.getTargetType())
                    + hint(mismatched.getTargetType());
        } else if (e instanceof JsonMappingException mapping) {
            problem = path(mapping) + ": " + mapping.getOriginalMessage();
        } else {
            problem = e.getOriginalMessage();
        }
        return new DefinitionFormatException(source, line, column, problem, e);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "top level" : path.toString();
    }

    private static String friendlyType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Duration.class) {
            return "duration";
        }
        if (type == CaseDefinition.class) {
            return "a case definition object";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a " + type.getSimpleName() + " object";
    }

    private static String hint(Class<?> type) {
        if (type == Duration.class) {
            return " (write ISO-8601, e.g. \"PT30S\" for 30 seconds or \"PT5M\" for 5 minutes)";
        }
        return "";
    }
}
