package io.caseflow.designer.app;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The window's two modes as tabs: Design and Monitor. */
final class ModeTabs extends TabPane {
    private final Tab designTab = new Tab("Design");
    private final Tab monitorTab = new Tab("Monitor");

    ModeTabs() {
        designTab.setId("designTab");
        monitorTab.setId("monitorTab");
        getTabs().addAll(designTab, monitorTab);
        setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getStyleClass().add("mode-tabs");
        setId("modeTabs");
    }

    void setContents(Node design, Node monitor) {
        designTab.setContent(design);
        monitorTab.setContent(monitor);
    }

    void showMonitor() {
        getSelectionModel().select(monitorTab);
    }

    void showDesigner() {
        getSelectionModel().select(designTab);
    }

    boolean isMonitorShown() {
        return getSelectionModel().getSelectedItem() == monitorTab;
    }
}
