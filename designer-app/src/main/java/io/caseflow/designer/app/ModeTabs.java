package io.caseflow.designer.app;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The window's modes as tabs: Design, Monitor and Play. */
final class ModeTabs extends TabPane {
    private final Tab designTab = new Tab("Design");
    private final Tab monitorTab = new Tab("Monitor");
    private final Tab playTab = new Tab("Play");

    ModeTabs() {
        designTab.setId("designTab");
        monitorTab.setId("monitorTab");
        playTab.setId("playTab");
        getTabs().addAll(designTab, monitorTab, playTab);
        setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getStyleClass().add("mode-tabs");
        setId("modeTabs");
    }

    void setContents(Node design, Node monitor) {
        designTab.setContent(design);
        monitorTab.setContent(monitor);
    }

    void setPlay(Node play) {
        playTab.setContent(play);
    }

    void showPlay() {
        getSelectionModel().select(playTab);
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
