package io.caseflow.designer.app.actions;

import io.caseflow.definition.DefinitionJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Save and Save As: writes the case, layout included, exactly as drawn. */
public final class SaveCaseAction {
    private static final Logger LOG = LoggerFactory.getLogger(SaveCaseAction.class);
    private final ActionContext context;
    private final RecentFiles recent;

    public SaveCaseAction(ActionContext context, RecentFiles recent) {
        this.context = context;
        this.recent = recent;
    }

    /** Saves to the document's file, or asks for one; false when nothing was saved. */
    public boolean save() {
        Optional<Path> file = context.document().file();
        return file.isPresent() ? saveTo(file.get()) : saveAs();
    }

    public boolean saveAs() {
        Optional<Path> chosen = context.dialogs().chooseSave(DesignerDialogs.FileKind.CASE,
                CaseFiles.suggestedName(context.document().definition(), DefinitionJson.FILE_SUFFIX));
        return chosen.map(p -> saveTo(CaseFiles.withSuffix(p, DefinitionJson.FILE_SUFFIX))).orElse(false);
    }

    public boolean saveTo(Path file) {
        try {
            DefinitionJson.write(context.document().definition(), file);
        } catch (IOException e) {
            LOG.warn("cannot save {}", file, e);
            context.dialogs().error("Cannot save " + file.getFileName(), file + ": " + e.getMessage());
            return false;
        }
        context.document().saved(file);
        recent.add(file);
        context.status("Saved " + file);
        return true;
    }
}
