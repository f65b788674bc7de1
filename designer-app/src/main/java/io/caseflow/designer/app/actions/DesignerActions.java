package io.caseflow.designer.app.actions;

import io.caseflow.designer.app.deploy.DeployViewModel;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.play.PlayViewModel;
import javafx.stage.Stage;

/**
 * Every action of the Design tab, built once per window and shared by its menus, tool bar and
 * palette (the way JabRef's frame hands its actions to the menu builder).
 */
public record DesignerActions(DiscardGuard discard, NewCaseAction newCase, OpenCaseAction open, SaveCaseAction save,
                              ImportDrawioAction importDrawio, ExportDrawioAction exportDrawio, ExitAction exit,
                              HistoryActions history, ClipboardActions clipboard, SelectionActions selection,
                              AddStageAction addStage, AutoLayoutAction autoLayout, DeployAction deploy, PlayAction play,
                              HelpActions help) {

    /**
     * @param validateNow validates the case at once (deploy checks it first)
     * @param play        the Play tab's view model
     * @param showPlay    brings the Play tab to the front
     * @param appName     the name the About box gives
     */
    public static DesignerActions create(ActionContext context, Stage stage, UiExecutor ui, RecentFiles recent,
                                         Runnable validateNow, DeployViewModel deploy, PlayViewModel play,
                                         Runnable showPlay, String appName) {
        SaveCaseAction save = new SaveCaseAction(context, recent);
        DiscardGuard discard = new DiscardGuard(context, save);
        return new DesignerActions(discard, new NewCaseAction(context, discard), new OpenCaseAction(context, discard, recent), save,
                new ImportDrawioAction(context, discard), new ExportDrawioAction(context), new ExitAction(stage, discard),
                new HistoryActions(context), new ClipboardActions(context), new SelectionActions(context),
                new AddStageAction(context), new AutoLayoutAction(context, ui), new DeployAction(context, validateNow, deploy),
                new PlayAction(context, play, showPlay),
                new HelpActions(context.dialogs(), appName));
    }
}
