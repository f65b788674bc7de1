package io.caseflow.samples.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The shipped gateway (deploy/gateway) run by a test: a copy of the folder under the test's own prefix,
 * listening on a loopback port, nginx in the foreground as this JVM's child.
 */
final class Nginx implements AutoCloseable {
    private static final List<String> SHIPPED = List.of("nginx.conf", "nginx-tls.conf", "caseflow-http.conf",
            "caseflow-locations.conf", "caseflow-routing.conf");

    final Path prefix;
    final int port;
    private final Path executable;
    private Process process;

    private Nginx(Path executable, Path prefix, int port) {
        this.executable = executable;
        this.prefix = prefix;
        this.port = port;
    }

    /** nginx on the PATH or where Debian puts it, if it is installed. */
    static Optional<Path> executable() {
        List<Path> candidates = new ArrayList<>();
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!folder.isBlank()) {
                candidates.add(Path.of(folder, "nginx"));
            }
        }
        Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx").map(Path::of).forEach(candidates::add);
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The repository's deploy/ folder, found from the module the tests run in. */
    static Path deployFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/gateway/nginx.conf"))) {
                return dir.resolve("deploy");
            }
        }
        throw new IllegalStateException("no deploy/gateway/nginx.conf above " + Path.of("").toAbsolutePath());
    }

    /** Copies the shipped gateway to {@code prefix}, on {@code port} of the loopback interface instead of 8080. */
    static Nginx prepare(Path executable, Path prefix, int port) throws IOException {
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        Path shipped = deployFolder().resolve("gateway");
        for (String file : SHIPPED) {
            Files.copy(shipped.resolve(file), prefix.resolve(file));
        }
        String conf = Files.readString(prefix.resolve("nginx.conf"));
        if (!conf.contains("listen 8080;")) {
            throw new IllegalStateException("the shipped nginx.conf no longer says 'listen 8080;':\n" + conf);
        }
        Files.writeString(prefix.resolve("nginx.conf"), conf.replace("listen 8080;", "listen 127.0.0.1:" + port + ";"));
        return new Nginx(executable, prefix, port);
    }

    /** {@code nginx -t} of one of the copied configuration files: its exit code and what it printed. */
    Checked check(String confFile) throws Exception {
        Process check = new ProcessBuilder(executable.toString(), "-t", "-p", prefix + "/", "-c", prefix.resolve(confFile).toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        if (!check.waitFor(30, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            throw new AssertionError("nginx -t did not finish within 30 s: " + output);
        }
        return new Checked(check.exitValue(), output.strip());
    }

    record Checked(int exit, String output) {
    }

    /** Starts nginx in the foreground and waits until its port accepts connections. */
    void start() throws Exception {
        start("nginx.conf", port);
    }

    /** Starts nginx with one of the copied configuration files and waits until {@code listening} accepts connections. */
    void start(String confFile, int listening) throws Exception {
        // Started by root, nginx's workers would run as nobody, who may not enter the test's private temp dir.
        String globals = "daemon off;" + ("root".equals(System.getProperty("user.name")) ? " user root;" : "");
        process = new ProcessBuilder(executable.toString(), "-p", prefix + "/", "-c", prefix.resolve(confFile).toString(), "-g", globals)
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/nginx.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!accepts(listening)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("nginx did not listen on 127.0.0.1:" + listening + " (alive: " + process.isAlive() + "): "
                        + Files.readString(prefix.resolve("logs/nginx.out")) + errorLog());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    String errorLog() {
        try {
            return Files.readString(prefix.resolve("logs/error.log"));
        } catch (IOException e) {
            return "";
        }
    }

    String routing() throws IOException {
        return Files.readString(prefix.resolve("caseflow-routing.conf"));
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        // Workers outlive a killed master (and keep the port), so they are listed while they are still its children.
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** A port free right now on the loopback interface (for a JVM that must be told its port before it starts). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
