package io.caseflow.designer.app.actions;

import io.caseflow.designer.drawio.DrawioExport;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Export draw.io: the case as an uncompressed draw.io file, stages in their lanes and, once imported, drawn as before. */
public final class ExportDrawioAction {
    private static final Logger LOG = LoggerFactory.getLogger(ExportDrawioAction.class);
    private final ActionContext context;

    public ExportDrawioAction(ActionContext context) {
        this.context = context;
    }

    public void execute() {
        context.dialogs().chooseSave(DesignerDialogs.FileKind.DRAWIO,
                        CaseFiles.suggestedName(context.document().definition(), DrawioExport.FILE_SUFFIX))
                .ifPresent(p -> exportTo(CaseFiles.withSuffix(p, DrawioExport.FILE_SUFFIX)));
    }

    public boolean exportTo(Path file) {
        try {
            // Stages imported from draw.io are drawn as their author drew them; lanes come from the stages' layout.
            DrawioExport.write(context.document().definition(), context.document().pictures(), file, false);
        } catch (IOException e) {
            LOG.warn("cannot export {}", file, e);
            context.dialogs().error("Cannot export " + file.getFileName(), file + ": " + e.getMessage());
            return false;
        }
        context.status("Exported " + file);
        return true;
    }
}
