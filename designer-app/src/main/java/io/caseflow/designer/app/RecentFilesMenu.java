package io.caseflow.designer.app;

import io.caseflow.designer.app.actions.OpenCaseAction;
import io.caseflow.designer.app.actions.RecentFiles;
import java.nio.file.Path;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/** File ▸ Open Recent: rebuilt from the recent files each time it opens. */
final class RecentFilesMenu extends Menu {
    private final RecentFiles recent;
    private final OpenCaseAction open;

    RecentFilesMenu(RecentFiles recent, OpenCaseAction open) {
        super("Open Recent");
        this.recent = recent;
        this.open = open;
        setId("recentMenu");
        setOnShowing(e -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getItems().clear();
        for (Path p : recent.list()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setOnAction(e -> open.openRecent(p));
            getItems().add(item);
        }
        if (getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            getItems().add(none);
        }
    }
}
