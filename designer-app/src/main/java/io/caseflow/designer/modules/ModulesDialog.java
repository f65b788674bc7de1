package io.caseflow.designer.modules;

import io.caseflow.designer.deploy.ModuleReport;
import io.caseflow.module.LoadedModule;
import io.caseflow.module.ModuleProblem;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The module folder at a glance: each module that loaded (its jar, handlers, cases, services) and
 * each jar's problem in one sentence. Answers with {@link #RELOAD}, {@link #CHOOSE} or Close.
 */
final class ModulesDialog {
    static final ButtonType RELOAD = new ButtonType("Reload Modules", ButtonBar.ButtonData.OTHER);
    static final ButtonType CHOOSE = new ButtonType("Choose Folder…", ButtonBar.ButtonData.LEFT);
    private static final double TEXT_WIDTH = 640;

    private ModulesDialog() {
    }

    static Dialog<ButtonType> create(Window owner, ModuleReport report) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Modules");
        dialog.setHeaderText(headline(report));
        VBox content = new VBox(6);
        content.setId("modulesContent");
        content.getChildren().add(wrapped(report.folder() == null
                ? "No module folder is chosen. Runtime ▸ Module Folder… loads the jars of a folder (e.g. the target/ of a module "
                        + "built from samples/module-template) into the embedded runtime."
                : "Folder: " + report.folder(), "muted"));
        if (!report.modules().isEmpty()) {
            content.getChildren().add(section("Loaded"));
            for (LoadedModule module : report.modules()) {
                content.getChildren().addAll(wrapped(module.name() + " — " + module.jarName(), null), wrapped(details(module), "muted"));
            }
        }
        if (!report.deployed().isEmpty()) {
            content.getChildren().add(wrapped("Deployed now: " + report.deployed().stream()
                    .map(d -> d.definition().key() + " v" + d.version()).collect(Collectors.joining(", ")), "muted"));
        }
        if (!report.problems().isEmpty()) {
            content.getChildren().add(section(report.problems().size() == 1 ? "Problem" : "Problems"));
            for (ModuleProblem problem : report.problems()) {
                Label line = wrapped("⚠ " + problem.message(), null);
                line.getStyleClass().add("module-problem");
                line.setStyle("-fx-text-fill: #b91c1c;");
                content.getChildren().add(line);
            }
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(TEXT_WIDTH + 20);
        scroll.setPrefViewportHeight(Math.min(420, 90 + 44.0 * (report.modules().size() + report.problems().size())));
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().addAll(CHOOSE, RELOAD, ButtonType.CLOSE);
        dialog.getDialogPane().setId("modulesDialog");
        dialog.setResizable(true);
        return dialog;
    }

    static String headline(ModuleReport report) {
        if (report.folder() == null) {
            return "No modules: the embedded runtime runs the sample's handlers";
        }
        String loaded = report.modules().size() + (report.modules().size() == 1 ? " module" : " modules") + " loaded, "
                + report.handlerCount() + (report.handlerCount() == 1 ? " handler" : " handlers");
        return report.problems().isEmpty() ? loaded
                : loaded + "; " + report.problems().size() + (report.problems().size() == 1 ? " problem" : " problems");
    }

    static String details(LoadedModule module) {
        return "handlers: " + list(List.copyOf(module.handlers().names()))
                + " · cases: " + list(module.definitions().stream().map(d -> d.key().toString()).toList())
                + " · services: " + list(module.services().stream().sorted().toList());
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static Label section(String title) {
        Label label = new Label(title);
        label.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 0 0;");
        return label;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(TEXT_WIDTH);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }
}
