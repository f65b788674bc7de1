package io.caseflow.designer.app;

import io.caseflow.designer.app.actions.DesignerDialogs;
import io.caseflow.designer.app.deploy.ConnectionDialog;
import io.caseflow.designer.deploy.ConnectionProfile;
import io.caseflow.designer.deploy.DeployPlan;
import io.caseflow.designer.drawio.DrawioPage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The dialogs of the running app: native file choosers, alerts, and the deploy preview. */
public class FxDialogs implements DesignerDialogs {
    public static final ButtonType DEPLOY = new ButtonType("Deploy", ButtonBar.ButtonData.OK_DONE);
    private final Window owner;
    private final Preferences prefs;

    public FxDialogs(Window owner, Preferences prefs) {
        this.owner = owner;
        this.prefs = prefs;
    }

    @Override
    public Optional<Path> chooseOpen(FileKind kind) {
        FileChooser chooser = chooser(kind, true);
        chooser.setTitle(kind == FileKind.CASE ? "Open case" : "Import draw.io diagram");
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseSave(FileKind kind, String suggestedName) {
        FileChooser chooser = chooser(kind, false);
        chooser.setTitle(kind == FileKind.CASE ? "Save case" : "Export as draw.io diagram");
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    private FileChooser chooser(FileKind kind, boolean opening) {
        FileChooser chooser = new FileChooser();
        if (kind == FileKind.CASE) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Case definitions (*.case.json)", "*.case.json"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON files (*.json)", "*.json"));
        } else {
            if (opening) {
                // draw.io's image exports carry the diagram when "Include a copy of my diagram" was checked.
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("draw.io diagrams, and images with one (*.drawio, *.xml, *.png, *.svg)",
                        "*.drawio", "*.xml", "*.png", "*.svg"));
            }
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("draw.io diagrams (*.drawio, *.xml)", "*.drawio", "*.xml"));
        }
        String dir = prefs.get("lastDirectory", null);
        if (dir != null && new File(dir).isDirectory()) {
            chooser.setInitialDirectory(new File(dir));
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        if (file.getParentFile() != null) {
            prefs.put("lastDirectory", file.getParentFile().getAbsolutePath());
        }
        return Optional.of(file.toPath());
    }

    @Override
    public Discard confirmDiscard(String document) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.", save, discard,
                ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + document + "?");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? Discard.SAVE : answer == discard ? Discard.DISCARD : Discard.CANCEL;
    }

    @Override
    public Optional<DrawioPage> choosePage(String file, List<DrawioPage> pages) {
        ChoiceDialog<DrawioPage> dialog = new ChoiceDialog<>(pages.get(0), pages);
        dialog.initOwner(owner);
        dialog.setTitle("Import draw.io diagram");
        dialog.setHeaderText(file + " has " + pages.size() + " pages. Which one is the case?");
        dialog.setContentText("Page:");
        return dialog.showAndWait();
    }

    @Override
    public boolean confirmDeploy(DeployPlan plan) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Deploy to the " + plan.target());
        dialog.setHeaderText(plan.headline());
        ListView<String> changes = new ListView<>();
        changes.setId("deployChanges");
        changes.getItems().setAll(plan.diff().describe());
        changes.setPrefSize(560, Math.min(320, 40 + 24 * Math.max(1, changes.getItems().size())));
        changes.setPlaceholder(new Label("No changes"));
        Label note = new Label(plan.deployed().isPresent()
                ? "Running processes stay on the version they started with; new processes use v" + plan.nextVersion() + "."
                : "The case is new to this runtime.");
        note.setWrapText(true);
        Label legend = new Label("Changes are also marked on the canvas: NEW, CHANGED, MOVED, and REMOVED stages.");
        legend.getStyleClass().add("muted");
        VBox box = new VBox(8, new Label("Changes against the deployed version:"), changes, note, legend);
        VBox.setVgrow(changes, Priority.ALWAYS);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(DEPLOY, ButtonType.CANCEL);
        dialog.getDialogPane().setId("deployDialog");
        return dialog.showAndWait().filter(b -> b == DEPLOY).isPresent();
    }

    @Override
    public Optional<ConnectionProfile> editConnection(ConnectionProfile existing) {
        return ConnectionDialog.ask(owner, existing);
    }

    @Override
    public void error(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setMinWidth(520);
        alert.showAndWait();
    }

    @Override
    public void info(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }
}
