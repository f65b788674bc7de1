package io.caseflow.samples.jvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A worker JVM started by a test: its output is collected, and it can be killed with SIGKILL. */
public final class WorkerProcess {
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private WorkerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "worker-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} in a new JVM with this JVM's test classpath. */
    public static WorkerProcess start(Class<?> mainClass, List<String> jvmOptions, Path log, String... args) throws IOException {
        return start(mainClass, jvmOptions, java.util.Map.of(), log, args);
    }

    /** Like {@link #start(Class, List, Path, String...)} with extra environment variables. */
    public static WorkerProcess start(Class<?> mainClass, List<String> jvmOptions, java.util.Map<String, String> environment, Path log,
                               String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new WorkerProcess(builder.start());
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process died; that is what these tests do
        }
    }

    /** Waits for a line starting with {@code prefix}. */
    public Optional<String> awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (line.startsWith(prefix)) {
                        return Optional.of(line);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && lines.stream().noneMatch(l -> l.startsWith(prefix)))) {
                    if (!process.isAlive()) {
                        // give the reader a moment to drain what the process printed before it exited
                        lines.wait(200);
                        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
                    }
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
    }

    /** SIGKILL, as the kernel's OOM killer or an operator's kill -9 would; waits for the process to die. */
    public int kill9() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + process.pid() + " failed");
        }
        return process.waitFor();
    }

    /** Sends a signal by name (STOP freezes the JVM, CONT resumes it, TERM asks it to stop cleanly). */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("worker " + process.pid() + " did not exit within " + timeout);
        }
        return process.exitValue();
    }

    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public void destroy() {
        process.destroyForcibly();
    }
}
