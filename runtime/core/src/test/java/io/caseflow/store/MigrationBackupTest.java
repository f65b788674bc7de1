package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file database is copied aside before its format changes, and only then. */
class MigrationBackupTest {
    @TempDir
    Path dir;

    /** Creates the H2 file database {@code file} at schema {@code version}, with one setting row in it. */
    static void createAtVersion(String url, String version) throws Exception {
        Database.flyway(SqlDialect.H2).dataSource(url, null, null).target(version).load().migrate();
        try (Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO runtime_setting (setting_name, setting_value) VALUES ('kept', 'from v" + version + "')");
        }
    }

    static String schemaVersion(String url) {
        MigrationInfo current = Database.flyway(SqlDialect.H2).dataSource(url, null, null).load().info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    private List<Path> backups() throws IOException {
        Path folder = dir.resolve(Database.BACKUP_FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void an_older_database_is_copied_aside_before_it_is_migrated_and_the_copy_still_opens_at_its_version() throws Exception {
        String url = Database.h2File(dir.resolve("caseflow"));
        createAtVersion(url, "3");

        try (Database database = Database.open(url, 2)) {
            database.ping();
        }

        assertThat(backups()).hasSize(1);
        Path copy = backups().get(0);
        assertThat(copy.getFileName().toString()).matches("caseflow-v3-\\d{8}T\\d{6}Z\\.mv\\.db");
        String copyUrl = Database.h2File(Path.of(copy.toString().replace(".mv.db", "")));
        assertThat(schemaVersion(copyUrl)).as("the copy is the old version's database, unmigrated").isEqualTo("3");
        try (Connection db = DriverManager.getConnection(copyUrl); Statement statement = db.createStatement();
             var rs = statement.executeQuery("SELECT setting_value FROM runtime_setting WHERE setting_name = 'kept'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("from v3");
        }
        assertThat(schemaVersion(url)).as("the database itself is migrated").isNotEqualTo("3");
    }

    @Test
    void a_database_already_up_to_date_or_new_is_not_copied() throws Exception {
        String url = Database.h2File(dir.resolve("caseflow"));
        try (Database first = Database.open(url, 2)) {
            first.ping();
        }
        try (Database again = Database.open(url, 2)) {
            again.ping();
        }
        assertThat(dir.resolve(Database.BACKUP_FOLDER)).doesNotExist();
    }

    @Test
    void when_the_copy_cannot_be_made_nothing_is_migrated_and_the_message_says_why() throws Exception {
        String url = Database.h2File(dir.resolve("caseflow"));
        createAtVersion(url, "3");
        Files.writeString(dir.resolve(Database.BACKUP_FOLDER), "a file where the backups folder should be");

        assertThatThrownBy(() -> Database.open(url, 2))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot copy the process store " + dir.resolve("caseflow.mv.db"))
                .hasMessageContaining("before migrating it from schema version 3")
                .hasMessageContaining("so it was left as it is");
        assertThat(schemaVersion(url)).isEqualTo("3");
    }

    @Test
    void an_h2_store_whose_folder_cannot_be_made_says_which_folder_and_why() throws Exception {
        Files.writeString(dir.resolve("data"), "a file where the store's folder should be");
        Path file = dir.resolve("data/caseflow/caseflow");

        assertThatThrownBy(() -> Database.open(Database.h2File(file), 2))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the process store " + file + ".mv.db: its folder " + file.getParent()
                        + " cannot be used: ")
                .hasMessageContaining(dir.resolve("data").toString());
    }

    @Test
    void the_file_of_an_h2_url_is_found_and_other_databases_have_none() {
        Path file = dir.resolve("caseflow");
        assertThat(Database.h2FilePath(Database.h2File(file))).contains(file.toAbsolutePath());
        assertThat(Database.h2FilePath("jdbc:h2:" + file + ";WRITE_DELAY=0")).contains(file);
        assertThat(Database.h2FilePath("jdbc:h2:~/data/caseflow")).contains(Path.of(System.getProperty("user.home"), "data/caseflow"));
        assertThat(Database.h2FilePath("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(Database.h2FilePath("jdbc:h2:tcp://db:9092/caseflow")).isEmpty();
        assertThat(Database.h2FilePath("jdbc:postgresql://db:5432/caseflow")).isEmpty();
    }
}
