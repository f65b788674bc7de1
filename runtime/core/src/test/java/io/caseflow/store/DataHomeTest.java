package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a user's data goes, worked out from given properties and environment over a home folder of the test's own. */
class DataHomeTest {
    @TempDir
    Path home;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void linuxUser() {
        properties.put("user.home", home.toString());
        properties.put("os.name", "Linux");
    }

    private Path folder() {
        return DataHome.folder(properties::get, environment::get);
    }

    @Test
    void a_new_linux_user_gets_the_xdg_default() {
        assertThat(folder()).isEqualTo(home.resolve(".local/share/caseflow"));
        assertThat(home.resolve(".local")).as("resolving creates nothing").doesNotExist();
    }

    @Test
    void xdg_data_home_is_followed_when_it_is_an_absolute_path() {
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        assertThat(folder()).isEqualTo(home.resolve("data/caseflow"));
    }

    @Test
    void a_relative_or_empty_xdg_data_home_is_ignored_as_the_specification_says() {
        environment.put("XDG_DATA_HOME", "relative/data");
        assertThat(folder()).isEqualTo(home.resolve(".local/share/caseflow"));
        environment.put("XDG_DATA_HOME", " ");
        assertThat(folder()).isEqualTo(home.resolve(".local/share/caseflow"));
    }

    @Test
    void a_user_with_data_from_an_earlier_version_keeps_using_dot_caseflow() throws IOException {
        Files.createDirectories(home.resolve(".caseflow"));
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        assertThat(folder()).isEqualTo(home.resolve(".caseflow"));
        properties.put("os.name", "Mac OS X");
        assertThat(folder()).isEqualTo(home.resolve(".caseflow"));
    }

    @Test
    void a_file_named_dot_caseflow_is_not_a_data_folder() throws IOException {
        Files.writeString(home.resolve(".caseflow"), "not a folder");
        assertThat(folder()).isEqualTo(home.resolve(".local/share/caseflow"));
    }

    @Test
    void the_caseflow_home_property_wins_over_everything() throws IOException {
        Files.createDirectories(home.resolve(".caseflow"));
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        properties.put(DataHome.PROPERTY, home.resolve("chosen").toString());
        assertThat(folder()).isEqualTo(home.resolve("chosen"));
    }

    @Test
    void macos_uses_application_support() {
        properties.put("os.name", "Mac OS X");
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        assertThat(folder()).isEqualTo(home.resolve("Library/Application Support/caseflow"));
    }

    @Test
    void windows_uses_local_app_data() {
        properties.put("os.name", "Windows 11");
        environment.put("LOCALAPPDATA", home.resolve("Local").toString());
        assertThat(folder()).isEqualTo(home.resolve("Local/caseflow"));
        environment.remove("LOCALAPPDATA");
        assertThat(folder()).isEqualTo(home.resolve("AppData/Local/caseflow"));
    }

    @Test
    void prepare_creates_the_folder_and_its_parents() throws IOException {
        Path folder = home.resolve(".local/share/caseflow");
        assertThat(DataHome.prepare(folder)).isEqualTo(folder);
        assertThat(folder).isDirectory();
        assertThat(DataHome.prepare(folder)).as("an existing folder is fine").isEqualTo(folder);
    }

    @Test
    void a_folder_that_cannot_be_made_is_one_sentence_naming_it_and_why() throws IOException {
        Files.writeString(home.resolve(".local"), "a file where a folder should be");
        Path folder = home.resolve(".local/share/caseflow");
        assertThatThrownBy(() -> DataHome.prepare(folder))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot use " + folder + " as caseflow's data folder: ")
                .hasMessageContaining(home.resolve(".local").toString())
                .hasMessageEndingWith("choose another with -Dcaseflow.home=DIR (the designer also takes --home=DIR)");
    }
}
