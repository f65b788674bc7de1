package io.caseflow.designer.app;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon (rendered from icons/caseflow.svg into the jar) on a window. */
public final class Icons {
    public static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private Icons() {
    }

    public static void apply(Stage stage) {
        for (int size : SIZES) {
            try (InputStream in = Icons.class.getResourceAsStream("/io/caseflow/designer/icons/caseflow-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (IOException e) {
                // An icon that cannot be read leaves the window with the toolkit's default.
            }
        }
    }
}
