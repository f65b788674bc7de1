package io.caseflow.designer.app.actions;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.HitTester;
import io.caseflow.designer.editor.Selection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cut, copy and paste of stages as a case fragment in JSON, on the system clipboard and in a
 * fallback kept here (the system clipboard is missing on some headless machines). Each paste of
 * the same fragment lands a little further down and right.
 */
public final class ClipboardActions {
    static final DataFormat CASE_FRAGMENT = new DataFormat("application/x-caseflow-case-fragment");
    private static final Logger LOG = LoggerFactory.getLogger(ClipboardActions.class);
    private static final double PASTE_OFFSET = 40;

    private final ActionContext context;
    private String fallback;
    private int pasteCount;

    public ClipboardActions(ActionContext context) {
        this.context = context;
    }

    public void copy() {
        Selection selection = context.document().selection();
        if (selection.stages().isEmpty()) {
            return;
        }
        String json = DefinitionJson.write(Edits.copy(context.document().definition(), selection));
        fallback = json;
        pasteCount = 0;
        try {
            ClipboardContent content = new ClipboardContent();
            content.put(CASE_FRAGMENT, json);
            content.putString(json);
            Clipboard.getSystemClipboard().setContent(content);
        } catch (RuntimeException e) {
            LOG.debug("system clipboard unavailable", e);
        }
        context.status("Copied " + selection.stages().size() + " stage(s)");
    }

    public void cut() {
        copy();
        Selection selection = context.document().selection();
        if (!selection.stages().isEmpty()) {
            context.execute(Edits.delete(selection.stages(), selection.transitions()));
        }
    }

    public void paste() {
        String json = systemClipboard();
        if (json == null) {
            json = fallback;
        }
        if (json == null) {
            context.status("Nothing to paste: copy stages first");
            return;
        }
        CaseDefinition fragment;
        try {
            fragment = DefinitionJson.read(json, "clipboard");
        } catch (DefinitionFormatException e) {
            context.status("The clipboard does not hold stages");
            return;
        }
        Set<String> before = names(context.document().definition());
        pasteCount++;
        double offset = PASTE_OFFSET * pasteCount;
        if (context.execute(Edits.paste(fragment, offset, offset))) {
            CaseDefinition after = context.document().definition();
            Set<String> added = new HashSet<>(names(after));
            added.removeAll(before);
            context.document().selection().set(added, HitTester.of(after).transitionsWithin(added));
        }
    }

    private static String systemClipboard() {
        try {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            return clipboard.hasContent(CASE_FRAGMENT) ? (String) clipboard.getContent(CASE_FRAGMENT) : null;
        } catch (RuntimeException e) {
            LOG.debug("system clipboard unavailable", e);
            return null;
        }
    }

    private static Set<String> names(CaseDefinition definition) {
        return definition.stages().stream().map(StageDefinition::name).collect(Collectors.toSet());
    }
}
