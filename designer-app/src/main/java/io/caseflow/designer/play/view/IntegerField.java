package io.caseflow.designer.play.view;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/**
 * An editable integer spinner kept in step with an {@link IntegerProperty} both ways. Typed text is
 * committed when the field loses focus too (a plain spinner drops it), and text that is not a number
 * in range goes back to the value.
 */
final class IntegerField extends Spinner<Integer> {

    IntegerField(String id, int min, int max, int step, IntegerProperty value) {
        super(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, clamp(value.get(), min, max), step));
        setId(id);
        setEditable(true);
        getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null && b != value.get()) {
                value.set(b);
            }
        });
        value.addListener((o, a, b) -> getValueFactory().setValue(clamp(b.intValue(), min, max)));
        getEditor().focusedProperty().addListener((o, had, has) -> {
            if (!has) {
                commitText(min, max);
            }
        });
        getEditor().setOnAction(e -> commitText(min, max));
    }

    private void commitText(int min, int max) {
        String text = getEditor().getText().replace(",", "").replace(" ", "").trim();
        try {
            getValueFactory().setValue(clamp(Integer.parseInt(text), min, max));
        } catch (NumberFormatException e) {
            getEditor().setText(String.valueOf(getValue()));
        }
        getEditor().setText(String.valueOf(getValue()));
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
