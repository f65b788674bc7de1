package io.caseflow.designer.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Runtime menu's flow without the toolkit: choose, remember, reload, forget. */
class ModulesViewModelTest {
    @TempDir
    Path work;
    private final Preferences node = Preferences.userRoot().node("caseflow-modules-test-" + UUID.randomUUID());
    private final ModuleFolderPreference preference = new ModuleFolderPreference(node);

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void choosing_a_folder_remembers_it_loads_its_handlers_and_tells_the_listeners() throws Exception {
        Path folder = Files.createDirectories(work.resolve("modules"));
        TemplateModule.buildInto(work, folder);
        ModulesViewModel modules = new ModulesViewModel(UiExecutor.direct(), preference);
        List<ModulesViewModel.Loaded> heard = new ArrayList<>();
        modules.addListener(heard::add);

        try (EmbeddedRuntime embedded = EmbeddedRuntime.start(work.resolve("home"), null)) {
            modules.runtimeReady(embedded);
            assertThat(heard).singleElement().satisfies(l -> assertThat(l.asked()).isFalse());

            modules.chooseFolder(folder);

            assertThat(preference.folder()).contains(folder.toAbsolutePath());
            assertThat(heard).last().satisfies(l -> {
                assertThat(l.asked()).isTrue();
                assertThat(l.handlerNames()).contains(TemplateModule.HANDLER);
            });
            assertThat(modules.messageProperty().get()).startsWith("Modules: 1 loaded from " + folder.toAbsolutePath() + " (1 handler)");
            assertThat(modules.busyProperty().get()).isFalse();

            Files.writeString(folder.resolve("broken.jar"), "not a jar");
            modules.reload();
            assertThat(modules.report().problems()).hasSize(1);
            assertThat(modules.messageProperty().get()).endsWith("— 1 problem (Runtime ▸ Modules…)");

            modules.clearFolder();
            assertThat(preference.folder()).isEmpty();
            assertThat(heard).last().satisfies(l -> assertThat(l.handlerNames()).doesNotContain(TemplateModule.HANDLER));
        }
    }

    @Test
    void before_the_runtime_starts_a_chosen_folder_is_only_remembered() {
        ModulesViewModel modules = new ModulesViewModel(UiExecutor.direct(), preference);
        modules.chooseFolder(work);
        assertThat(preference.folder()).contains(work.toAbsolutePath());
        assertThat(modules.messageProperty().get()).contains("will be loaded when it starts");
        modules.clearFolder();
        modules.reload();
        assertThat(modules.messageProperty().get()).startsWith("No module folder is chosen");
    }
}
