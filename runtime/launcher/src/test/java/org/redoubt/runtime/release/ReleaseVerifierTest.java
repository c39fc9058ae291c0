package org.redoubt.runtime.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.runtime.release.ReleaseRejected.Problem;
import org.redoubt.runtime.release.ReleaseRejected.Reason;

class ReleaseVerifierTest {

    @TempDir
    Path temp;

    private final ReleaseManifestCodec codec = new ReleaseManifestCodec();
    private final ReleaseVerifier verifier = new ReleaseVerifier(codec);
    private Path release;
    private ReleaseManifest manifest;

    @BeforeEach
    void buildRelease() throws IOException {
        Path jars = Files.createDirectories(temp.resolve("jars"));
        Files.write(jars.resolve("a.jar"), TestBundles.bundle("org.example.driver", "1.0.0", "driver"));
        Files.write(jars.resolve("b.jar"), TestBundles.bundle("org.example.lib", "2.1.0", null));
        Files.write(jars.resolve("c.jar"), TestBundles.bundle("org.apache.felix.gogo.shell", "1.1.4", null));
        release = temp.resolve("release");
        manifest = new ReleaseBuilder(codec).build(jars, release, 3, "production",
                Map.of("org.apache.felix.gogo.", Tier.TOOLS));
    }

    @Test
    void builtReleaseVerifiesAndCarriesTheVerifiedBytes() throws Exception {
        VerifiedRelease verified = verifier.verify(release);
        assertEquals(manifest, verified.manifest());
        for (ReleaseBundle bundle : manifest.bundles()) {
            assertArrayEquals(Files.readAllBytes(release.resolve(bundle.file())), verified.content(bundle));
        }
        assertArrayEquals(Files.readAllBytes(release.resolve("release.json")), verified.manifestBytes());
    }

    @Test
    void builderOrdersByStartLevelAndAppliesTiers() {
        assertEquals(List.of("org.example.lib", "org.example.driver", "org.apache.felix.gogo.shell"),
                manifest.bundles().stream().map(ReleaseBundle::symbolicName).toList());
        assertEquals(List.of(Tier.CORE.startLevel(), Tier.DRIVER.startLevel(), Tier.TOOLS.startLevel()),
                manifest.bundles().stream().map(ReleaseBundle::startLevel).toList());
        assertEquals(Tier.TOOLS.startLevel(), manifest.frameworkStartLevel());
    }

    @Test
    void tamperedBundleIsRejectedAndNamed() throws IOException {
        Path file = release.resolve("bundles/org.example.driver-1.0.0.jar");
        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 0x01; // same size, one bit flipped
        Files.write(file, content);
        Problem problem = onlyProblem();
        assertEquals(Reason.DIGEST_MISMATCH, problem.reason());
        assertTrue(problem.subject().contains("org.example.driver 1.0.0"), problem.subject());
    }

    @Test
    void missingBundleIsRejectedAndNamed() throws IOException {
        Files.delete(release.resolve("bundles/org.example.lib-2.1.0.jar"));
        Problem problem = onlyProblem();
        assertEquals(Reason.MISSING_BUNDLE, problem.reason());
        assertTrue(problem.subject().contains("org.example.lib 2.1.0"), problem.subject());
    }

    @Test
    void unlistedBundleIsRejectedAndNamed() throws IOException {
        Files.write(release.resolve("bundles/rogue.jar"), TestBundles.bundle("org.example.rogue", "1.0.0", null));
        Problem problem = onlyProblem();
        assertEquals(Reason.UNLISTED_BUNDLE, problem.reason());
        assertEquals("bundles/rogue.jar", problem.subject());
    }

    @Test
    void grownBundleIsRejectedWithoutReadingItWhole() throws IOException {
        Path file = release.resolve("bundles/org.example.lib-2.1.0.jar");
        Files.write(file, new byte[1024 * 1024], java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Reason.SIZE_MISMATCH, onlyProblem().reason());
    }

    @Test
    void shrunkBundleIsASizeMismatch() throws IOException {
        Path file = release.resolve("bundles/org.example.lib-2.1.0.jar");
        byte[] content = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(content, content.length - 1));
        assertEquals(Reason.SIZE_MISMATCH, onlyProblem().reason());
    }

    @Test
    void bundleSwappedForAnotherWithAMatchingManifestEntryIsAnIdentityMismatch() throws IOException {
        // An attacker who can rewrite the (not yet signed) manifest still cannot make a file claim
        // to be a bundle it is not: the declared identity must match the listed one.
        byte[] impostor = TestBundles.bundle("org.example.impostor", "1.0.0", null);
        ReleaseBundle listed = manifest.bundles().get(0);
        ReleaseBundle forged = new ReleaseBundle(listed.symbolicName(), listed.version(), listed.file(),
                BundleDigest.sha256Of(impostor), impostor.length, listed.startLevel());
        Files.write(release.resolve(listed.file()), impostor);
        List<ReleaseBundle> bundles = new java.util.ArrayList<>(manifest.bundles());
        bundles.set(0, forged);
        Files.write(release.resolve("release.json"),
                codec.encode(new ReleaseManifest(manifest.release(), manifest.profile(), bundles)));
        Problem problem = onlyProblem();
        assertEquals(Reason.IDENTITY_MISMATCH, problem.reason());
        assertTrue(problem.detail().contains("org.example.impostor"), problem.detail());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Files.delete(release.resolve("bundles/org.example.lib-2.1.0.jar"));
        Files.write(release.resolve("bundles/extra.jar"), new byte[] {1, 2, 3});
        ReleaseRejected rejected = assertThrows(ReleaseRejected.class, () -> verifier.verify(release));
        assertEquals(List.of(Reason.UNLISTED_BUNDLE, Reason.MISSING_BUNDLE),
                rejected.problems().stream().map(Problem::reason).toList());
    }

    @Test
    void missingManifestIsMalformed() throws IOException {
        Files.delete(release.resolve("release.json"));
        assertEquals(Reason.MALFORMED_MANIFEST, onlyProblem().reason());
    }

    @Test
    void symbolicLinkInPlaceOfABundleIsRefused() throws IOException {
        Path file = release.resolve("bundles/org.example.lib-2.1.0.jar");
        Path elsewhere = temp.resolve("elsewhere.jar");
        Files.move(file, elsewhere);
        Files.createSymbolicLink(file, elsewhere);
        assertEquals(Reason.MISSING_BUNDLE, onlyProblem().reason());
    }

    @Test
    void manifestWithAnUnknownMemberIsMalformed() throws IOException {
        String json = Files.readString(release.resolve("release.json"), StandardCharsets.UTF_8);
        Files.writeString(release.resolve("release.json"), json.replaceFirst("\\{", "{\"sideload\": true,"));
        Problem problem = onlyProblem();
        assertEquals(Reason.MALFORMED_MANIFEST, problem.reason());
        assertTrue(problem.detail().contains("sideload"), problem.detail());
    }

    private Problem onlyProblem() {
        ReleaseRejected rejected = assertThrows(ReleaseRejected.class, () -> verifier.verify(release));
        assertEquals(1, rejected.problems().size(), rejected.problems().toString());
        return rejected.problems().get(0);
    }
}
