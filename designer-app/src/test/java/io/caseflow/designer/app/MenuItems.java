package io.caseflow.designer.app;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.testfx.api.FxRobot;

/** Finds a menu item of the window's menu bar by its id ({@code menu-…}), as a test chooses it. */
final class MenuItems {
    private MenuItems() {
    }

    static MenuItem find(FxRobot robot, String id) {
        return find(robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus(), id);
    }

    private static MenuItem find(List<? extends MenuItem> items, String id) {
        for (MenuItem item : items) {
            if (id.equals(item.getId())) {
                return item;
            }
            if (item instanceof Menu menu) {
                MenuItem found = find(menu.getItems(), id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
