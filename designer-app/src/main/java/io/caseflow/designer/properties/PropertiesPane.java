package io.caseflow.designer.properties;

import io.caseflow.designer.properties.PropertiesViewModel.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The property sheet: lays out the fields of {@link PropertiesViewModel} and commits a value when
 * the user presses Enter, picks a choice or leaves the field (never per keystroke, so one change
 * is one undo step). A value that cannot be applied is shown in red under the field and the
 * field keeps the text so it can be corrected.
 */
public final class PropertiesPane extends VBox {
    private final PropertiesViewModel viewModel;
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final Label error = new Label();
    private final Map<String, Control> editors = new LinkedHashMap<>();
    private List<String> shownKeys = List.of();
    private Consumer<String> messages = m -> { };
    private boolean refreshing;

    public PropertiesPane(PropertiesViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("properties-pane");
        setId("propertiesPane");
        title.getStyleClass().add("pane-title");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        grid.setHgap(8);
        grid.setVgap(7);
        grid.setPadding(new Insets(4, 10, 10, 10));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(96);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, values);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("properties-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox.setMargin(title, new Insets(8, 10, 4, 10));
        VBox.setMargin(error, new Insets(0, 10, 6, 10));
        getChildren().addAll(title, error, scroll);
        refresh();
    }

    public void setMessages(Consumer<String> sink) {
        this.messages = sink;
    }

    /** Re-reads the fields (after an edit or a selection change); keeps the editors when the set of fields is the same. */
    public void refresh() {
        refreshing = true;
        try {
            title.setText(viewModel.title());
            List<Field> fields = viewModel.fields();
            List<String> keys = fields.stream().map(f -> f.key() + ":" + f.type() + ":" + f.choices()).toList();
            if (!keys.equals(shownKeys)) {
                rebuild(fields);
                shownKeys = keys;
            } else {
                for (Field f : fields) {
                    Control c = editors.get(f.key());
                    if (c != null && !c.isFocused()) {
                        setValue(c, f);
                    }
                    if (c != null) {
                        c.setDisable(!f.enabled());
                    }
                }
            }
        } finally {
            refreshing = false;
        }
    }

    private void rebuild(List<Field> fields) {
        grid.getChildren().clear();
        editors.clear();
        hideError();
        int row = 0;
        for (Field f : fields) {
            if (f.type() == PropertiesViewModel.Type.SECTION) {
                Label section = new Label(f.label().toUpperCase(Locale.ROOT));
                section.getStyleClass().add("field-section");
                grid.add(section, 0, row++, 2, 1);
                continue;
            }
            Label label = new Label(f.label());
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.getStyleClass().add("field-label");
            label.setTooltip(new Tooltip(f.help()));
            Control editor = editor(f);
            editor.setId("prop-" + f.key().replace('.', '-'));
            editor.setTooltip(new Tooltip(f.help()));
            editor.setDisable(!f.enabled());
            editor.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(editor, Priority.ALWAYS);
            grid.add(label, 0, row);
            grid.add(editor, 1, row);
            GridPane.setHalignment(label, HPos.LEFT);
            editors.put(f.key(), editor);
            row++;
        }
        if (fields.isEmpty()) {
            Label none = new Label("Select one stage or one transition to edit it.");
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            grid.add(none, 0, 0, 2, 1);
        }
    }

    private Control editor(Field f) {
        switch (f.type()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(f.value()));
                box.selectedProperty().addListener((o, a, b) -> commit(f.key(), Boolean.toString(b), box));
                return box;
            }
            case CHOICE, EDITABLE_CHOICE -> {
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().setAll(f.choices());
                combo.setEditable(f.type() == PropertiesViewModel.Type.EDITABLE_CHOICE);
                combo.setValue(f.value());
                if (combo.isEditable()) {
                    combo.getEditor().setText(f.value());
                    combo.getEditor().setOnAction(e -> commit(f.key(), combo.getEditor().getText(), combo));
                    combo.getEditor().focusedProperty().addListener((o, was, is) -> {
                        if (!is) {
                            commit(f.key(), combo.getEditor().getText(), combo);
                        }
                    });
                }
                combo.valueProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        commit(f.key(), b, combo);
                    }
                });
                return combo;
            }
            case READ_ONLY -> {
                TextField field = new TextField(f.value());
                field.setEditable(false);
                field.getStyleClass().add("read-only");
                return field;
            }
            default -> {
                TextField field = new TextField(f.value());
                field.setOnAction(e -> commit(f.key(), field.getText(), field));
                field.focusedProperty().addListener((o, was, is) -> {
                    if (!is) {
                        commit(f.key(), field.getText(), field);
                    }
                });
                return field;
            }
        }
    }

    private void setValue(Control c, Field f) {
        if (c instanceof TextField t) {
            t.setText(f.value());
        } else if (c instanceof CheckBox b) {
            b.setSelected(Boolean.parseBoolean(f.value()));
        } else if (c instanceof ComboBox<?> combo) {
            @SuppressWarnings("unchecked")
            ComboBox<String> strings = (ComboBox<String>) combo;
            strings.setValue(f.value());
            if (strings.isEditable()) {
                strings.getEditor().setText(f.value());
            }
        }
    }

    private void commit(String key, String value, Control source) {
        if (refreshing) {
            return;
        }
        Optional<Field> current = viewModel.fields().stream().filter(f -> f.key().equals(key)).findFirst();
        if (current.isEmpty() || current.get().value().equals(value == null ? "" : value.strip())) {
            source.getStyleClass().remove("invalid");
            return;
        }
        Optional<String> problem = viewModel.commit(key, value);
        if (problem.isPresent()) {
            showError(problem.get());
            if (!source.getStyleClass().contains("invalid")) {
                source.getStyleClass().add("invalid");
            }
            messages.accept(problem.get());
        } else {
            source.getStyleClass().remove("invalid");
            hideError();
            refresh();
        }
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
        error.setManaged(true);
    }

    private void hideError() {
        error.setVisible(false);
        error.setManaged(false);
    }

    /** The editor of a field, for tests. */
    public Optional<Node> editor(String key) {
        return Optional.ofNullable(editors.get(key));
    }

}
