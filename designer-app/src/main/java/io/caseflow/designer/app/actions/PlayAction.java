package io.caseflow.designer.app.actions;

import io.caseflow.designer.play.PlayViewModel;

/**
 * Play: runs the case as drawn now on the play runtime, with simulated handlers and services, and
 * shows the Play tab (where a refusal or a failure to start is said too, and in the status line).
 */
public final class PlayAction {
    private final ActionContext context;
    private final PlayViewModel play;
    private final Runnable showPlay;

    public PlayAction(ActionContext context, PlayViewModel play, Runnable showPlay) {
        this.context = context;
        this.play = play;
        this.showPlay = showPlay;
    }

    public void execute() {
        showPlay.run();
        play.play(context.document().definition());
    }
}
