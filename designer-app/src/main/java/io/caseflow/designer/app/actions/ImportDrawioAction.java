package io.caseflow.designer.app.actions;

import io.caseflow.designer.drawio.DrawioFile;
import io.caseflow.designer.drawio.DrawioFormatException;
import io.caseflow.designer.drawio.DrawioImport;
import io.caseflow.designer.drawio.DrawioPage;
import io.caseflow.designer.editor.NodeGeometry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Import draw.io: one page of a draw.io file as a new, unsaved case; what cannot be mapped is listed as problems. */
public final class ImportDrawioAction {
    private static final Logger LOG = LoggerFactory.getLogger(ImportDrawioAction.class);
    private final ActionContext context;
    private final DiscardGuard discard;

    public ImportDrawioAction(ActionContext context, DiscardGuard discard) {
        this.context = context;
        this.discard = discard;
    }

    /** Asks for a file, once unsaved changes are dealt with. */
    public void execute() {
        if (discard.confirm()) {
            context.dialogs().chooseOpen(DesignerDialogs.FileKind.DRAWIO).ifPresent(this::importFile);
        }
    }

    /** Imports {@code file}, asking for the page when it has several; a malformed file is reported and nothing changes. */
    public void importFile(Path file) {
        DrawioFile drawio;
        try {
            drawio = DrawioFile.read(file);
        } catch (DrawioFormatException e) {
            LOG.info("cannot import {}: {}", file, e.getMessage());
            context.dialogs().error("Cannot import " + file.getFileName(), e.getMessage());
            context.status("Not imported: " + file.getFileName());
            return;
        }
        Optional<DrawioPage> page = drawio.pages().size() == 1 ? Optional.of(drawio.pages().get(0))
                : context.dialogs().choosePage(file.getFileName().toString(), drawio.pages());
        if (page.isEmpty()) {
            return;
        }
        DrawioImport.Result result = DrawioImport.importPage(page.get(), file.getFileName().toString());
        String origin = file.getFileName() + " (" + page.get().name() + ")";
        if (result.refused()) {
            context.dialogs().error("Cannot import " + origin, result.refusal());
            context.status("Not imported: " + origin);
            return;
        }
        // Pages of the file that could not be read are listed with the chosen page's issues.
        List<String> issues = new ArrayList<>(drawio.problems());
        issues.addAll(result.issues());
        int overlapping = NodeGeometry.overlapping(result.definition().stages());
        if (overlapping > 0) {
            // Positions stay as drawn (lanes and the author's arrangement mean something); the user decides.
            issues.add(overlapping + " stages overlap here: this canvas draws every stage " + (int) NodeGeometry.WIDTH + " × "
                    + (int) NodeGeometry.HEIGHT + ", larger than the diagram's shapes. Auto-layout (toolbar) spreads them; "
                    + "Undo brings back the drawing's positions.");
        }
        context.document().load(result.definition(), null, origin, issues, result.pictures());
        context.canvas().fitToWindow();
        context.status("Imported " + origin + (issues.isEmpty() ? "" : ": " + issues.size()
                + " thing(s) could not be mapped, see Problems"));
    }
}
