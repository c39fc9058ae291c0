package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No private key is ever committed: development and test keys are generated at build or test time
 * into target/. Scans every file git tracks, plus untracked files that are not ignored (what the
 * next commit could add), for PEM private keys and for key-store file types.
 */
class NoCommittedPrivateKeysIT {

    private static final List<String> KEY_STORE_SUFFIXES = List.of(".p8", ".pk8", ".p12", ".pfx", ".jks", ".keystore",
            ".bks", ".key", ".ppk");
    /**
     * A PEM private key block with key material in it; code that merely names the PEM markers (to
     * write keys it generated) does not match.
     */
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----\\s*[\\r\\n]+(?:[A-Za-z0-9+/=]{16,}[\\r\\n]+)+-----END");
    private static final String PUTTY_MARKER = "PuTTY-User-Key-File";

    @TempDir
    Path temp;

    @Test
    void repositoryHoldsNoPrivateKey() throws Exception {
        Path root = repositoryRoot();
        List<String> offenders = new ArrayList<>();
        for (String file : gitFiles(root)) {
            findKey(root.resolve(file)).ifPresent(why -> offenders.add(file + ": " + why));
        }
        assertEquals(List.of(), offenders, "private keys must be generated at build or test time, never committed");
    }

    @Test
    void detectorFindsAGeneratedKey() throws Exception {
        // Without this the scan above could pass because it finds nothing at all.
        Path pem = temp.resolve("device.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(freshPrivateKey()) + "\n-----END PRIVATE KEY-----\n");
        assertTrue(findKey(pem).isPresent());
        Path store = temp.resolve("release-role.p12");
        Files.write(store, new byte[] {0x30, (byte) 0x82, 0x01, 0x00});
        assertTrue(findKey(store).isPresent());
        Path harmless = temp.resolve("README.md");
        Files.writeString(harmless, "Keys are generated into target/ at build time.\n");
        assertTrue(findKey(harmless).isEmpty());
        Path writer = temp.resolve("KeyWriter.java");
        Files.writeString(writer, "String begin = \"-----BEGIN PRIVATE KEY-----\";\nString end = \"-----END PRIVATE KEY-----\";\n");
        assertTrue(findKey(writer).isEmpty(), "naming the markers is not a key");
    }

    private static Optional<String> findKey(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String suffix : KEY_STORE_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return Optional.of("key store file type " + suffix);
            }
        }
        if (!Files.isRegularFile(file) || Files.size(file) > 8 * 1024 * 1024) {
            return Optional.empty();
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (PEM_KEY.matcher(text).find()) {
            return Optional.of("contains a PEM private key");
        }
        if (text.contains(PUTTY_MARKER) && !isThisTest(file)) {
            return Optional.of("contains a PuTTY private key");
        }
        return Optional.empty();
    }

    /** This file names the PuTTY marker it looks for. */
    private static boolean isThisTest(Path file) {
        return file.getFileName().toString().equals(NoCommittedPrivateKeysIT.class.getSimpleName() + ".java");
    }

    private static byte[] freshPrivateKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        return generator.generateKeyPair().getPrivate().getEncoded();
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("redoubt.distributions", "../../runtime/distribution/target"))
                .resolve("../../..").toAbsolutePath().normalize();
    }

    private static List<String> gitFiles(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard")
                .directory(root.toFile()).redirectErrorStream(true).start();
        byte[] output = git.getInputStream().readAllBytes();
        if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
            throw new AssertionError("git ls-files failed in " + root + ": " + new String(output, StandardCharsets.UTF_8));
        }
        List<String> files = new String(output, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        assertTrue(files.size() > 50, "expected the whole repository, got " + files.size() + " files from " + root);
        return files;
    }
}
