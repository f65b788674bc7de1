package io.caseflow.designer.app.actions;

import io.caseflow.designer.app.deploy.DeployDialogs;
import io.caseflow.designer.drawio.DrawioPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the designer's actions ask the user in a dialog. The app uses
 * {@code io.caseflow.designer.app.FxDialogs}; tests replace the file choosers (native dialogs
 * cannot be driven headless) and keep the rest. Called on the FX thread; every method blocks until
 * the user answers.
 */
public interface DesignerDialogs extends DeployDialogs {
    enum FileKind { CASE, DRAWIO }

    enum Discard { SAVE, DISCARD, CANCEL }

    Optional<Path> chooseOpen(FileKind kind);

    Optional<Path> chooseSave(FileKind kind, String suggestedName);

    /** Unsaved changes in {@code document}: save them, throw them away, or stay. */
    Discard confirmDiscard(String document);

    Optional<DrawioPage> choosePage(String file, List<DrawioPage> pages);
}
