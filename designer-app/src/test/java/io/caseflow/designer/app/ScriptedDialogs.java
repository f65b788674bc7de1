package io.caseflow.designer.app;

import io.caseflow.designer.app.actions.DesignerDialogs;
import io.caseflow.designer.deploy.ConnectionProfile;
import io.caseflow.designer.deploy.DeployPlan;
import io.caseflow.designer.drawio.DrawioPage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Dialogs answered by the test script; what the app said is recorded. */
final class ScriptedDialogs implements DesignerDialogs {
    final Deque<Path> files = new ArrayDeque<>();
    Discard discardAnswer = Discard.DISCARD;
    int pageIndex;
    boolean deployAnswer = true;
    final List<String> errors = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    final List<String> discardPrompts = new ArrayList<>();
    DeployPlan lastPlan;
    final Deque<ConnectionProfile> connections = new ArrayDeque<>();
    Consumer<DeployPlan> whileConfirming = p -> { };

    @Override
    public Optional<Path> chooseOpen(FileKind kind) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseSave(FileKind kind, String suggestedName) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Discard confirmDiscard(String document) {
        discardPrompts.add(document);
        return discardAnswer;
    }

    @Override
    public Optional<DrawioPage> choosePage(String file, List<DrawioPage> pages) {
        return Optional.of(pages.get(pageIndex));
    }

    @Override
    public boolean confirmDeploy(DeployPlan plan) {
        lastPlan = plan;
        whileConfirming.accept(plan);
        return deployAnswer;
    }

    @Override
    public Optional<ConnectionProfile> editConnection(ConnectionProfile existing) {
        return Optional.ofNullable(connections.poll());
    }

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void info(String title, String message) {
        infos.add(title + ": " + message);
    }
}
