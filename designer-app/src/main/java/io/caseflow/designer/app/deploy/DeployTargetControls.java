package io.caseflow.designer.app.deploy;

import io.caseflow.designer.deploy.ConnectionProfile;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/**
 * The controls that pick where Deploy goes: a "Deploy To" menu (targets as radio items, then New,
 * Edit and Remove Connection) and a combo box for the tool bar, both following {@link DeployTargets}.
 * FX thread only.
 */
public final class DeployTargetControls {
    private final DeployTargets targets;
    private final DeployDialogs dialogs;
    private final Consumer<String> status;
    private final Runnable checkLiveWorkers;

    /** @param checkLiveWorkers reads the chosen shared runtime's live workers again now */
    public DeployTargetControls(DeployTargets targets, DeployDialogs dialogs, Consumer<String> status, Runnable checkLiveWorkers) {
        this.targets = targets;
        this.dialogs = dialogs;
        this.status = status;
        this.checkLiveWorkers = checkLiveWorkers;
    }

    public Menu menu() {
        Menu menu = new Menu("Deploy _To");
        menu.setId("menu-deployTo");
        Runnable rebuild = () -> {
            ToggleGroup group = new ToggleGroup();
            menu.getItems().clear();
            for (TargetChoice choice : targets.choices()) {
                RadioMenuItem item = new RadioMenuItem(choice.label());
                item.setId("menu-target-" + (choice.isEmbedded() ? "embedded" : choice.profile().name()));
                item.setToggleGroup(group);
                item.setSelected(choice.equals(targets.chosen()));
                item.setOnAction(e -> targets.chosenProperty().set(choice));
                menu.getItems().add(item);
            }
            menu.getItems().addAll(new SeparatorMenuItem(),
                    item("newConnection", "_New Connection…", this::newConnection),
                    item("editConnection", "_Edit Connection…", this::editConnection),
                    item("removeConnection", "_Remove Connection", this::removeConnection),
                    new SeparatorMenuItem(),
                    item("checkLiveWorkers", "_Check Live Workers Now", checkLiveWorkers));
        };
        rebuild.run();
        targets.choices().addListener((ListChangeListener<TargetChoice>) c -> rebuild.run());
        targets.chosenProperty().addListener((o, a, b) -> rebuild.run());
        return menu;
    }

    public ComboBox<TargetChoice> comboBox() {
        ComboBox<TargetChoice> box = new ComboBox<>(targets.choices());
        box.setId("deployTargetBox");
        box.setTooltip(new Tooltip("Where Deploy goes: the embedded runtime or a shared server (Case ▸ Deploy To)"));
        box.setValue(targets.chosen());
        box.valueProperty().addListener((o, a, chosen) -> {
            if (chosen != null && !chosen.equals(targets.chosen())) {
                targets.chosenProperty().set(chosen);
            }
        });
        targets.chosenProperty().addListener((o, a, chosen) -> box.setValue(chosen));
        return box;
    }

    /** The chosen target's profile; empty when the embedded runtime is the target. */
    public Optional<ConnectionProfile> chosenProfile() {
        return Optional.ofNullable(targets.chosen().profile());
    }

    public void newConnection() {
        dialogs.editConnection(null).ifPresent(profile -> {
            targets.save(profile);
            status.accept("Saved connection " + profile + "; Deploy now goes there");
        });
    }

    public void editConnection() {
        TargetChoice chosen = targets.chosen();
        if (chosen.isEmbedded()) {
            dialogs.info("Edit connection", "Choose a connection under Case ▸ Deploy To first; the embedded runtime needs none.");
            return;
        }
        ConnectionProfile before = chosen.profile();
        dialogs.editConnection(before).ifPresent(after -> {
            if (!after.name().equals(before.name())) {
                removeQuietly(before.name());
            }
            targets.save(after);
            status.accept("Saved connection " + after);
        });
    }

    public void removeConnection() {
        TargetChoice chosen = targets.chosen();
        if (chosen.isEmbedded()) {
            dialogs.info("Remove connection", "Choose the connection to remove under Case ▸ Deploy To first.");
            return;
        }
        removeQuietly(chosen.profile().name());
        status.accept("Removed connection " + chosen.profile() + "; Deploy goes to the embedded runtime");
    }

    private void removeQuietly(String name) {
        try {
            targets.remove(name);
        } catch (BackingStoreException e) {
            dialogs.error("Cannot remove connection", "The preferences could not be written: " + e.getMessage());
        }
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId("menu-" + id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
