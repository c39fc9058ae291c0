package org.redoubt.crypto.bc.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the OpenSSL command-line tool in a working directory, with a deadline; reads and writes PEM.
 * Also used by the keystore's tests (this module's test jar).
 */
public final class OpenSsl {

    private static final Path BINARY = Path.of("/usr/bin/openssl");
    private static final long DEADLINE_SECONDS = 30;

    private final Path directory;

    public OpenSsl(Path directory) {
        if (!Files.isExecutable(BINARY)) {
            fail("OpenSSL 3 is required for the interoperability tests but " + BINARY
                    + " is missing; run .ci/setup-machine (as in the top-level README) or apt-get install openssl");
        }
        this.directory = directory;
    }

    /** Runs openssl and fails the test unless it exits with 0. */
    public String run(String... arguments) {
        Result result = exec(arguments);
        if (result.exitCode != 0) {
            fail("openssl " + String.join(" ", arguments) + " exited with " + result.exitCode + ": " + result.output);
        }
        return result.output;
    }

    /** @return the exit code of openssl */
    public int exitCode(String... arguments) {
        return exec(arguments).exitCode;
    }

    Path write(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    byte[] read(String name) throws IOException {
        return Files.readAllBytes(directory.resolve(name));
    }

    void writePem(String name, String label, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        write(name, ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    byte[] readPem(String name, String label) throws IOException {
        String text = Files.readString(directory.resolve(name), StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            fail(name + " holds no " + label + ": " + text);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private Result exec(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("openssl " + String.join(" ", arguments) + " did not finish within " + DEADLINE_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + BINARY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running openssl", e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
