package org.redoubt.itests.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * The real runtime distribution running as a child process, as a handset or an operator starts it.
 * Standard output lines ({@code REDOUBT <EVENT> <json>}) are queued for the test; standard error is
 * kept for failure messages.
 */
final class RuntimeProcess implements AutoCloseable {

    static final Duration BOOT_DEADLINE = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();
    private final List<String> transcript = java.util.Collections.synchronizedList(new ArrayList<>());

    private RuntimeProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), line -> {
            transcript.add(line);
            stdout.add(line);
        }, "stdout");
        drain(process.getErrorStream(), line -> stderr.append(line).append('\n'), "stderr");
    }

    /** Distribution {@code redoubt-<profile>} built by the reactor. */
    static Path distribution(String profile) {
        Path path = Path.of(System.getProperty("redoubt.distributions", "../../runtime/distribution/target"))
                .resolve("redoubt-" + profile).toAbsolutePath().normalize();
        if (!Files.isExecutable(path.resolve("bin/redoubt"))) {
            throw new IllegalStateException("no distribution at " + path + " (build the reactor first)");
        }
        return path;
    }

    static RuntimeProcess start(Path distribution, Path data, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/redoubt").toString(),
                "--data", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("REDOUBT_JAVA_OPTS");
        builder.environment().remove("REDOUBT_APPCDS");
        return new RuntimeProcess(builder.start());
    }

    /**
     * Waits for the first stdout line of an event.
     *
     * @return its JSON detail, or empty when the process ended or the deadline passed first
     */
    Optional<JsonObject> awaitEvent(String event, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        String prefix = "REDOUBT " + event + " ";
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            String line = stdout.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            if (line == null) {
                if (!process.isAlive() && stdout.isEmpty()) {
                    return Optional.empty();
                }
                continue;
            }
            if (line.startsWith(prefix)) {
                try {
                    return Optional.of((JsonObject) JsonParser.parse(line.substring(prefix.length()), JsonLimits.DEFAULT));
                } catch (org.redoubt.json.JsonException e) {
                    throw new AssertionError("event line is not JSON: " + line, e);
                }
            }
        }
    }

    /** Waits for READY and fails the test with the process output when it does not come. */
    JsonObject awaitReady() throws InterruptedException {
        return awaitEvent("READY", BOOT_DEADLINE)
                .orElseThrow(() -> new AssertionError("no READY line within " + BOOT_DEADLINE + "\n" + output()));
    }

    /**
     * Sends SIGTERM and waits for the exit code. Signals through the process handle, because
     * {@link Process#destroy()} also closes the pipes and the runtime's last lines would be lost.
     */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    /** Sends SIGINT, what Ctrl-C on a terminal sends, and waits for the exit code. */
    int interrupt() throws InterruptedException, IOException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -INT failed");
        }
        return awaitExit();
    }

    /** Sends SIGKILL, as a pulled battery would, and waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        awaitExit();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(BOOT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("runtime did not exit within " + BOOT_DEADLINE + "\n" + output());
        }
        return process.exitValue();
    }

    String stderr() {
        return stderr.toString();
    }

    /** @return the lines printed on stdout so far, a copy; consumes nothing */
    List<String> stdoutLines() {
        synchronized (transcript) {
            return new ArrayList<>(transcript);
        }
    }

    /** @return everything the process printed so far, for failure messages; consumes nothing */
    String output() {
        synchronized (transcript) {
            return "stdout:\n" + String.join("\n", transcript) + "\nstderr:\n" + stderr;
        }
    }

    /**
     * @return the runtime JVM's system properties, read from outside with {@code jcmd}
     */
    String systemProperties() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "VM.system_properties").redirectErrorStream(true).start();
        String said = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd failed: " + said);
        }
        return said;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(BOOT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static void drain(InputStream stream, java.util.function.Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("[" + name + " closed: " + e + "]");
            }
        }, "runtime-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
