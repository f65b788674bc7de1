package io.caseflow.samples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.http.ApiTokens;
import io.caseflow.http.HttpApi;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessStatus;
import io.caseflow.testing.ExternalServices;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped TLS gateway (deploy/gateway/nginx-tls.conf) in front of a caseflow server, as docs/gateway.md
 * tells a team to run it: clients speak TLS to nginx only, plain HTTP is redirected, a client that does not trust
 * the certificate gets nowhere, and the server still knows who called from where (its audit trail).
 */
class TlsGatewayTest {
    private static final String TOKEN = "tls-admin-token-0123456789";

    @TempDir
    Path dir;
    private Nginx gateway;
    private CaseflowRuntime runtime;
    private HttpApi api;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (api != null) {
            api.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void clients_reach_the_server_only_over_tls_and_the_server_sees_where_they_came_from() throws Exception {
        Optional<Path> nginx = Nginx.executable();
        if (nginx.isEmpty()) {
            if (ExternalServices.inCi()) {
                fail("nginx is not installed and CASEFLOW_CI is set (.ci/run installs nginx-light)");
            }
            Assumptions.abort("nginx is not installed");
        }
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("rt")).handlers(new HandlerRegistry().register("greet", ctx -> ctx.next()))
                .build().start();
        runtime.deploy(CaseDefinition.builder("hello", "v1").stage(StageDefinition.task("greet", "greet")).stage(StageDefinition.end("done"))
                .transition("greet", "done").build());
        api = HttpApi.start(runtime, new ApiTokens(TOKEN, null), () -> "", "127.0.0.1", 0);

        int tlsPort = Nginx.freePort();
        int plainPort = Nginx.freePort();
        gateway = Nginx.prepare(nginx.get(), dir.resolve("gateway"), Nginx.freePort());
        Path prefix = gateway.prefix;
        // the shipped files, on this test's ports: the TLS listener, the redirecting one, and the server as the live colour
        Files.writeString(prefix.resolve("nginx-tls.conf"), Files.readString(prefix.resolve("nginx-tls.conf"))
                .replace("listen 8443 ssl;", "listen 127.0.0.1:" + tlsPort + " ssl;").replace(":8443$request_uri", ":" + tlsPort + "$request_uri")
                .replace("listen 8080;", "listen 127.0.0.1:" + plainPort + ";"));
        Files.writeString(prefix.resolve("caseflow-routing.conf"), Files.readString(prefix.resolve("caseflow-routing.conf"))
                .replace("127.0.0.1:8081", "127.0.0.1:" + api.port()));
        Files.createDirectories(prefix.resolve("tls"));
        run(prefix, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost", "-keyout", "tls/gateway.key", "-out", "tls/gateway.crt");
        gateway.start("nginx-tls.conf", tlsPort);

        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(prefix.resolve("tls/gateway.crt")))
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "https://localhost:" + tlsPort;
        HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.sslSession()).hasValueSatisfying(session -> assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));

        HttpResponse<String> started = trusting.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/hello/v1/processes"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Ada\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = Json.parse(started.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(id).status() == ProcessStatus.COMPLETED);
        JsonNode audit = Json.parse(trusting.send(HttpRequest.newBuilder(URI.create(base + "/api/processes/" + id + "/audit"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(audit.path("events").get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(audit.path("events").get(0).path("remote").asText()).as("the gateway says whom it forwarded for")
                .isEqualTo("127.0.0.1 for 127.0.0.1");

        // plain HTTP never carries a token to the server: it is only pointed at TLS
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + plainPort + "/api/processes")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(308);
        assertThat(plain.headers().firstValue("Location")).hasValue("https://localhost:" + tlsPort + "/api/processes");

        // a client that does not trust the certificate stops at the handshake
        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            untrusting.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            fail("a client that does not trust the gateway's certificate got an answer");
        } catch (SSLHandshakeException expected) {
            assertThat(expected.getMessage()).containsIgnoringCase("certificat");
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
