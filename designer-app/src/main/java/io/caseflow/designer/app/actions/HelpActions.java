package io.caseflow.designer.app.actions;

import io.caseflow.designer.deploy.EmbeddedRuntime;

/** The Help menu: keyboard and mouse, about. */
public final class HelpActions {
    private final DesignerDialogs dialogs;
    private final String appName;

    public HelpActions(DesignerDialogs dialogs, String appName) {
        this.dialogs = dialogs;
        this.appName = appName;
    }

    public void showHelp() {
        dialogs.info("Keyboard and mouse", """
                Add a stage: click it in the palette or drag it onto the canvas (Ctrl+1, Ctrl+2, Ctrl+3).
                Move: drag a stage (snaps to the grid; Ctrl+G toggles snapping).
                Connect: drag from a stage's right-hand port or border onto another stage.
                Reconnect: select a transition and drag one of its end handles.
                Rename: double-click a stage or a transition's label, or F2.
                Select: click, Shift+click to add, Shift+drag on empty space for an area, Ctrl+A for all.
                Pan: drag empty space, or use the scroll bars or the minimap. Zoom: mouse wheel, Ctrl+ / Ctrl-,
                Ctrl+0 for 100 %, Ctrl+Shift+H to fit the case in the window.
                Undo / redo: Ctrl+Z / Ctrl+Y. Play: Ctrl+P. Deploy: Ctrl+D (where: the box beside Deploy, or Case ▸ Deploy To).
                Without a mouse, on the canvas: arrow keys go to the nearest stage that way, Home / End to the first / last,
                Tab / Shift+Tab through the stages (and out of the canvas past the last one, or after Escape);
                C connects the selected stage to another (type its name, Enter), K changes its kind, F2 renames,
                Delete deletes, Ctrl+Shift+T makes it the start stage. T selects the transitions leaving the selected stage
                one after another (Shift+T backwards); with a transition selected, Left / Right go to the stage it leaves /
                leads to, Up / Down to the other transitions leaving that stage, F2 changes its outcome, Delete deletes it.""");
    }

    public void about() {
        dialogs.info("About " + appName, "caseflow designer — draw business cases, validate them, deploy them.\n"
                + "Data folder of the embedded runtime: " + EmbeddedRuntime.defaultHome());
    }
}
