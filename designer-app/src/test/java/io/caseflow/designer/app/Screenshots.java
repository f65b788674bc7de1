package io.caseflow.designer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes PNGs of what the tests see to target/screenshots (run on the FX thread). */
final class Screenshots {
    private Screenshots() {
    }

    static Path save(Node node, String name) {
        Path dir = Path.of(System.getProperty("caseflow.designer.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            WritableImage image = node.snapshot(null, null);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
