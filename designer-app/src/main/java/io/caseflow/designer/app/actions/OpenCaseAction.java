package io.caseflow.designer.app.actions;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Open, and Open Recent: reads a case file; a malformed one is reported and the document left as it was. */
public final class OpenCaseAction {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCaseAction.class);
    private final ActionContext context;
    private final DiscardGuard discard;
    private final RecentFiles recent;

    public OpenCaseAction(ActionContext context, DiscardGuard discard, RecentFiles recent) {
        this.context = context;
        this.discard = discard;
        this.recent = recent;
    }

    /** Asks for a file, once unsaved changes are dealt with. */
    public void execute() {
        if (discard.confirm()) {
            context.dialogs().chooseOpen(DesignerDialogs.FileKind.CASE).ifPresent(this::open);
        }
    }

    /** Opens a file from the recent list; one that no longer exists leaves the list. */
    public void openRecent(Path file) {
        if (!Files.exists(file)) {
            context.dialogs().error("Cannot open " + file.getFileName(), file + " no longer exists.");
            recent.remove(file);
        } else if (discard.confirm()) {
            open(file);
        }
    }

    public void open(Path file) {
        CaseDefinition definition;
        try {
            definition = DefinitionJson.read(file);
        } catch (DefinitionFormatException e) {
            LOG.info("cannot open {}: {}", file, e.getMessage());
            context.dialogs().error("Cannot open " + file.getFileName(), e.getMessage());
            context.status("Not opened: " + file.getFileName());
            return;
        }
        context.document().load(definition, file, null, List.of());
        recent.add(file);
        context.canvas().fitToWindow();
        context.status("Opened " + file);
    }
}
