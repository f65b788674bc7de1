package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.installation.Installation;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.testing.ExternalServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two installations on one database keep their processes apart: each has its own schema, created on
 * first start, even when both serve a case of the same name and api.
 */
class InstallationSchemasTest {
    private static final CaseKey KEY = new CaseKey("orders", "v1");

    @TempDir
    Path dir;

    @Test
    void two_installations_share_one_h2_file_without_seeing_each_others_processes() throws Exception {
        String url = Database.h2File(dir.resolve("shared"));
        sideBySide(url, null);
        try (Connection db = DriverManager.getConnection(url)) {
            assertThat(schemas(db)).contains("cf_alpha", "cf_beta");
        }
    }

    @Test
    void two_installations_share_one_postgresql_database_in_schemas_of_their_own() throws Exception {
        String url = ExternalServices.postgresDatabase();
        Installation alpha = ExternalServices.freshInstallation();
        Installation beta = ExternalServices.freshInstallation();
        try {
            sideBySide(url, List.of(alpha, beta));
        } finally {
            try (Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement()) {
                for (Installation installation : List.of(alpha, beta)) {
                    statement.execute("DROP SCHEMA IF EXISTS " + installation.schema().orElseThrow() + " CASCADE");
                }
            }
        }
    }

    private void sideBySide(String url, List<Installation> names) {
        Installation alpha = names == null ? Installation.named("cf-alpha") : names.get(0);
        Installation beta = names == null ? Installation.named("cf-beta") : names.get(1);
        HandlerRegistry handlers = new HandlerRegistry().register("work", ctx -> ctx.next());
        CaseDefinition definition = CaseDefinition.builder(KEY.name(), KEY.api()).stage(StageDefinition.task("work", "work"))
                .stage(StageDefinition.end("done")).transition("work", "done").build();
        try (CaseflowRuntime a = CaseflowRuntime.builder().installation(alpha).jdbcUrl(url).handlers(handlers).build().start();
             CaseflowRuntime b = CaseflowRuntime.builder().installation(beta).jdbcUrl(url).handlers(handlers).build().start()) {
            a.deploy(definition);
            b.deploy(definition);
            List<String> inAlpha = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                inAlpha.add(a.startProcess(KEY, Map.of("n", i)).id());
            }
            String inBeta = b.startProcess(KEY, Map.of("n", 99)).id();
            await().atMost(Duration.ofSeconds(20)).until(() -> a.countsByStatus().getOrDefault(ProcessStatus.COMPLETED, 0L) == 5
                    && b.countsByStatus().getOrDefault(ProcessStatus.COMPLETED, 0L) == 1);

            assertThat(a.list(ProcessQuery.all(100)).processes()).extracting(ProcessSnapshot::id).containsExactlyInAnyOrderElementsOf(inAlpha);
            assertThat(b.list(ProcessQuery.all(100)).processes()).extracting(ProcessSnapshot::id).containsExactly(inBeta);
            assertThat(a.find(inBeta)).as("beta's process, asked of alpha").isEmpty();
            assertThat(a.definitions()).hasSize(1);
            assertThat(a.database().describe()).contains("schema " + alpha.schema().orElseThrow());
        }
    }

    private static List<String> schemas(Connection db) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = db.getMetaData().getSchemas()) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_SCHEM"));
            }
        }
        return names;
    }
}
