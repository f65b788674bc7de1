package com.example.greetings;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.module.CaseflowModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The module: what the designer and {@code caseflow worker --modules} find through
 * {@code META-INF/services/io.caseflow.module.CaseflowModule}. It needs a public constructor without
 * arguments, and its constructor and {@link #registerHandlers} should only register (no I/O, no waiting).
 */
public class GreetingsModule implements CaseflowModule {
    private static final String CASE = "/cases/greetings/greetings.case.json";

    @Override
    public String name() {
        return "greetings";
    }

    /** Handler names are global: prefix them with the module's name so they never clash with another module's. */
    @Override
    public void registerHandlers(HandlerRegistry registry) {
        registry.register(ComposeGreeting.NAME, new ComposeGreeting());
    }

    /** The cases that come with the handlers: the designer deploys them when it loads the module. */
    @Override
    public List<CaseDefinition> definitions() {
        try (InputStream in = GreetingsModule.class.getResourceAsStream(CASE)) {
            if (in == null) {
                throw new IllegalStateException("the module jar lacks " + CASE);
            }
            return List.of(DefinitionJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), CASE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DefinitionFormatException e) {
            throw new IllegalStateException(CASE + " is not a valid case: " + e.getMessage(), e);
        }
    }
}
