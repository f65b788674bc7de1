package io.caseflow.designer.app;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.designer.canvas.CaseCanvas;
import io.caseflow.designer.canvas.Palette;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.EdgePath;
import io.caseflow.designer.editor.EdgeRouter;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.problems.ProblemsPane;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.designer.properties.PropertiesPane;
import io.caseflow.validation.ProblemTarget;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The Design tab: palette, canvas, property sheet and problems, and the live validation that marks
 * the canvas (once per change, coalesced into the next pulse). The tool bar is set on top by the
 * window. FX thread only.
 */
final class DesignView extends BorderPane {
    private final CaseDocument document;
    private final CaseCanvas canvas;
    private final ProblemsViewModel problems;
    private final Palette palette = new Palette();
    private final ProblemsPane problemsPane = new ProblemsPane();
    private final PropertiesPane propertiesPane;
    private final Tab problemsTab = new Tab("Problems");
    private final TabPane bottom = new TabPane(problemsTab);
    private Consumer<ProblemsViewModel> onValidated = p -> { };
    private boolean validationPending;

    DesignView(CaseDocument document, CaseCanvas canvas, ProblemsViewModel problems, PropertiesPane propertiesPane) {
        this.document = document;
        this.canvas = canvas;
        this.problems = problems;
        this.propertiesPane = propertiesPane;
        SplitPane center = new SplitPane();
        center.setOrientation(Orientation.VERTICAL);
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        problemsTab.setContent(problemsPane);
        center.getItems().addAll(canvas, bottom);
        center.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(bottom, false);
        palette.setMinWidth(170);
        palette.setPrefWidth(190);
        palette.setMaxWidth(260);
        propertiesPane.setMinWidth(260);
        propertiesPane.setPrefWidth(300);
        SplitPane main = new SplitPane(palette, center, propertiesPane);
        main.setDividerPositions(0.14, 0.79);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(propertiesPane, false);
        setCenter(main);
        canvas.setTooltipText(problems::tooltip);
        problemsPane.setOnOpen(this::openProblem);
        document.selection().addListener(s -> propertiesPane.refresh());
    }

    void setOnAddStage(Consumer<StageKind> handler) {
        palette.setOnAdd(handler);
    }

    /** Called after each validation, e.g. to show its summary in the status bar. */
    void setOnValidated(Consumer<ProblemsViewModel> handler) {
        onValidated = handler;
    }

    void setMessages(Consumer<String> sink) {
        canvas.setMessages(sink);
        propertiesPane.setMessages(sink);
    }

    /** Validates at the next pulse, however often it is asked before then. */
    void scheduleValidation() {
        if (!validationPending) {
            validationPending = true;
            Platform.runLater(this::validateNow);
        }
    }

    /** Validates the current definition at once and marks what is wrong on the canvas and in the list. */
    void validateNow() {
        validationPending = false;
        problems.validate(document.definition(), document.displayName(), document.importIssues());
        problemsPane.show(problems);
        canvas.setDecorations(canvas.decorations().withMarks(problems.stageMarks(), problems.transitionMarks()));
        problemsTab.setText(problems.rows().isEmpty() ? "Problems" : "Problems (" + problems.rows().size() + ")");
        onValidated.accept(problems);
    }

    void refreshProperties() {
        propertiesPane.refresh();
    }

    void showProblemsTab() {
        bottom.getSelectionModel().select(problemsTab);
    }

    void focusProblems() {
        problemsPane.table().requestFocus();
    }

    /** A deploy was refused: the problems list starts again from the top. */
    void clearProblemSelection() {
        problemsPane.table().getSelectionModel().clearSelection();
    }

    /** Selects what a problem is about and scrolls it into view. */
    private void openProblem(ProblemsViewModel.Row row) {
        ProblemTarget t = row.target();
        if (t == null) {
            return;
        }
        CaseDefinition d = document.definition();
        switch (t.kind()) {
            case STAGE -> d.stage(t.stage()).ifPresent(s -> {
                document.selection().selectStage(s.name());
                canvas.reveal(NodeGeometry.bounds(s));
            });
            case TRANSITION -> {
                if (t.transitionIndex() < d.transitions().size()) {
                    document.selection().selectTransition(t.transitionIndex());
                    EdgePath path = EdgeRouter.route(d).get(t.transitionIndex());
                    if (path != null) {
                        canvas.reveal(path.bounds());
                    }
                }
            }
            default -> document.selection().clear();
        }
    }
}
