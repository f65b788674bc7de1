package com.example.greetings;

import io.caseflow.handler.StageContext;
import io.caseflow.handler.StageHandler;
import io.caseflow.handler.StageOutcome;

/**
 * The stage handler of {@code greetings.compose}: reads the process input ({@code {"name": "Ada"}}),
 * keeps the greeting in the process data and goes on along the default transition. A handler may
 * run more than once (after a crash), so it only computes; effects outside the process belong in a
 * service call.
 */
public final class ComposeGreeting implements StageHandler {
    public static final String NAME = "greetings.compose";

    @Override
    public StageOutcome handle(StageContext ctx) {
        String name = ctx.input().path("name").asText("");
        if (name.isBlank()) {
            return ctx.failPermanently("the input has no \"name\" to greet");
        }
        ctx.data().put("greeting", "Hello, " + name + "!");
        return ctx.next();
    }
}
