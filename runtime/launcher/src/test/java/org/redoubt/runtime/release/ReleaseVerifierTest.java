package org.redoubt.runtime.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentException;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.Envelope;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.Target;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;
import org.redoubt.runtime.release.ReleaseRejected.Problem;
import org.redoubt.runtime.release.ReleaseRejected.Reason;

class ReleaseVerifierTest {

    @TempDir
    Path temp;

    private static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst().orElseThrow();
    private static final DeviceIdentity DEVICE = new DeviceIdentity("h-1", "field", "rdt-1");
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final ReleaseStamp STAMP = new ReleaseStamp(NOW, NOW.plusSeconds(86_400),
            new Target(Optional.empty(), Optional.empty(), Optional.of("rdt-1")));
    private static SigningKey releaseKey;
    private static SigningKey policyKey;
    private static TrustRoot root;

    private final ReleaseManifestCodec codec = new ReleaseManifestCodec();
    private ReleaseVerifier verifier;
    private Path release;
    private ReleaseManifest manifest;

    @BeforeAll
    static void trustRoot() throws DocumentException {
        releaseKey = PROVIDER.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE);
        policyKey = PROVIDER.generateSigningKey(SignatureScheme.SM2_SM3, DistinguishingId.SM2_DEFAULT);
        SigningKey rootKey = PROVIDER.generateSigningKey(SignatureScheme.ECDSA_P256_SHA256, DistinguishingId.NONE);
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        roles.put(Role.ROOT, new RoleEntry(1, List.of(rootKey.verificationKey())));
        roles.put(Role.RELEASE, new RoleEntry(1, List.of(releaseKey.verificationKey())));
        roles.put(Role.POLICY, new RoleEntry(1, List.of(policyKey.verificationKey())));
        roles.put(Role.COMMAND, new RoleEntry(1, List.of(policyKey.verificationKey())));
        root = TrustRoot.parse(TrustRootWriter.write(1, NOW, NOW.plusSeconds(86_400), roles), PROVIDER);
    }

    @BeforeEach
    void buildRelease() throws IOException {
        verifier = new ReleaseVerifier(codec, new ManifestAuthenticator(new DocumentVerifier(PROVIDER), root, DEVICE));
        Path jars = Files.createDirectories(temp.resolve("jars"));
        Files.write(jars.resolve("a.jar"), TestBundles.bundle("org.example.driver", "1.0.0", "driver"));
        Files.write(jars.resolve("b.jar"), TestBundles.bundle("org.example.lib", "2.1.0", null));
        Files.write(jars.resolve("c.jar"), TestBundles.bundle("org.apache.felix.gogo.shell", "1.1.4", null));
        release = temp.resolve("release");
        manifest = new ReleaseBuilder(codec).build(jars, release, 3, "production",
                Map.of("org.apache.felix.gogo.", Tier.TOOLS), STAMP, List.of(releaseKey));
    }

    @Test
    void builtReleaseVerifiesAndCarriesTheVerifiedBytes() throws Exception {
        VerifiedRelease verified = verifier.verify(release);
        assertEquals(manifest, verified.manifest());
        for (ReleaseBundle bundle : manifest.bundles()) {
            assertArrayEquals(Files.readAllBytes(release.resolve(bundle.file())), verified.content(bundle));
        }
        assertArrayEquals(Files.readAllBytes(release.resolve(ReleaseVerifier.MANIFEST)), verified.manifestBytes());
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
    void aBundleThatProvidesACameraIsRefusedAndNamed() throws Exception {
        Path jars = Files.createDirectories(temp.resolve("camera-jars"));
        Files.write(jars.resolve("a.jar"), TestBundles.bundle("org.example.driver", "1.0.0", "driver"));
        Files.write(jars.resolve("cam.jar"), TestBundles.bundle("org.example.camera", "1.0.0", "driver",
                Map.of("Provide-Capability", "osgi.service;objectClass:List<String>=\"org.example.cam.CameraService\";"
                        + "uses:=\"org.example.cam\"")));
        release = temp.resolve("camera-release");
        new ReleaseBuilder(codec).build(jars, release, 4, "production", Map.of(), STAMP, List.of(releaseKey));

        Problem problem = onlyProblem();
        assertEquals(Reason.FORBIDDEN_HARDWARE, problem.reason());
        assertTrue(problem.subject().contains("org.example.camera 1.0.0"), problem.subject());
        assertTrue(problem.detail().contains("org.example.cam.CameraService"), problem.detail());
        ReleaseBundle camera = verifier.read(release).manifest().bundles().stream()
                .filter(bundle -> bundle.symbolicName().equals("org.example.camera")).findFirst().orElseThrow();
        ReleaseRejected one = assertThrows(ReleaseRejected.class, () -> verifier.readBundle(release, camera));
        assertEquals(Reason.FORBIDDEN_HARDWARE, one.problems().get(0).reason(), "bundle by bundle, as staging reads");
    }

    @Test
    void aReleaseBuiltWithServiceRulesCarriesThemSigned() throws Exception {
        Path jars = temp.resolve("jars");
        ReleaseRules rules = new ReleaseRules(List.of("org.example.secret.Vault"), List.of(
                new org.redoubt.runtime.firewall.ServiceGrant("org.example.driver", List.of("org.redoubt.driver.modem.*"))));
        release = temp.resolve("ruled-release");
        new ReleaseBuilder(codec).build(jars, release, 5, "production", Map.of(), rules, STAMP, List.of(releaseKey));

        assertEquals(rules, verifier.verify(release).manifest().rules());
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
        // Even a manifest signed by the release key cannot make a file claim to be a bundle it is
        // not: the declared identity must match the listed one.
        byte[] impostor = TestBundles.bundle("org.example.impostor", "1.0.0", null);
        ReleaseBundle listed = manifest.bundles().get(0);
        ReleaseBundle forged = new ReleaseBundle(listed.symbolicName(), listed.version(), listed.file(),
                BundleDigest.sha256Of(impostor), impostor.length, listed.startLevel());
        Files.write(release.resolve(listed.file()), impostor);
        List<ReleaseBundle> bundles = new java.util.ArrayList<>(manifest.bundles());
        bundles.set(0, forged);
        Files.write(release.resolve(ReleaseVerifier.MANIFEST), new ReleaseBuilder(codec).sign(
                new ReleaseManifest(manifest.release(), manifest.profile(), bundles), STAMP, List.of(releaseKey)));
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
        Files.delete(release.resolve(ReleaseVerifier.MANIFEST));
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
    void signedManifestWithAnUnknownBodyMemberIsMalformed() throws Exception {
        writeSignedDocument(document -> withBodyMember(document, "sideload", true), releaseKey);
        Problem problem = onlyProblem();
        assertEquals(Reason.MALFORMED_MANIFEST, problem.reason());
        assertTrue(problem.detail().contains("sideload"), problem.detail());
    }

    /** SECURITY.md row 1: unsigned, wrongly signed and substituted manifests install nothing. */
    @Test
    void manifestSignedByAKeyOutsideTheReleaseRoleIsUntrusted() throws Exception {
        SigningKey stranger = PROVIDER.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE);
        writeSignedDocument(document -> document, stranger);
        assertUntrusted("THRESHOLD_NOT_MET");
        writeSignedDocument(document -> document, policyKey);
        assertUntrusted("THRESHOLD_NOT_MET");
    }

    @Test
    void unsignedManifestIsUntrusted() throws Exception {
        byte[] document = codec.encode(manifest, STAMP);
        Files.writeString(release.resolve(ReleaseVerifier.MANIFEST), "{\"payloadType\":\"" + ReleaseManifestCodec.PAYLOAD_TYPE
                + "\",\"payload\":\"" + Base64.getEncoder().encodeToString(document) + "\",\"signatures\":[]}");
        assertEquals(Reason.UNTRUSTED_MANIFEST, onlyProblem().reason());
    }

    @Test
    void plainManifestWithoutAnEnvelopeIsUntrusted() throws Exception {
        Files.write(release.resolve(ReleaseVerifier.MANIFEST), codec.encode(manifest, STAMP));
        assertUntrusted("MALFORMED_ENVELOPE");
    }

    @Test
    void editedPayloadBreaksTheSignature() throws Exception {
        Envelope signed = EnvelopeCodec.decode(Files.readAllBytes(release.resolve(ReleaseVerifier.MANIFEST)), 1 << 20);
        byte[] edited = new String(signed.payload(), StandardCharsets.UTF_8).replace("\"version\": 3", "\"version\": 4")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(release.resolve(ReleaseVerifier.MANIFEST),
                EnvelopeCodec.encode(Envelope.of(signed.payloadType(), edited, signed.signatures())));
        assertUntrusted("THRESHOLD_NOT_MET");
    }

    @Test
    void releaseForAnotherModelIsRefused() throws Exception {
        ReleaseStamp other = new ReleaseStamp(NOW, NOW.plusSeconds(60),
                new Target(Optional.empty(), Optional.empty(), Optional.of("rdt-2")));
        Files.write(release.resolve(ReleaseVerifier.MANIFEST),
                new ReleaseBuilder(codec).sign(manifest, other, List.of(releaseKey)));
        assertUntrusted("WRONG_TARGET");
    }

    @Test
    void anExpiredReleaseStillBoots() throws Exception {
        ReleaseStamp old = new ReleaseStamp(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z"),
                STAMP.target());
        Files.write(release.resolve(ReleaseVerifier.MANIFEST), new ReleaseBuilder(codec).sign(manifest, old,
                List.of(releaseKey)));
        assertEquals(manifest, verifier.verify(release).manifest(),
                "expiry guards what the update agent accepts, not what a handset already runs");
    }

    private void assertUntrusted(String reasonCode) {
        Problem problem = onlyProblem();
        assertEquals(Reason.UNTRUSTED_MANIFEST, problem.reason());
        assertTrue(problem.detail().startsWith(reasonCode + ":"), problem.detail());
    }

    private void writeSignedDocument(UnaryOperator<JsonObject> edit, SigningKey signer) throws Exception {
        JsonObject document = JsonParser.parseObject(codec.encode(manifest, STAMP), JsonLimits.DEFAULT);
        byte[] payload = JsonWriter.compact().writeUtf8(edit.apply(document));
        Files.write(release.resolve(ReleaseVerifier.MANIFEST), EnvelopeCodec.encode(
                EnvelopeSigner.sign(ReleaseManifestCodec.PAYLOAD_TYPE, payload, List.of(signer))));
    }

    private static JsonObject withBodyMember(JsonObject document, String name, boolean value) {
        JsonObject.Builder body = JsonObject.builder();
        ((JsonObject) document.members().get("body")).members().forEach(body::put);
        body.put(name, value);
        JsonObject.Builder edited = JsonObject.builder();
        document.members().forEach((member, content) -> edited.put(member, member.equals("body") ? body.build() : content));
        return edited.build();
    }

    private Problem onlyProblem() {
        ReleaseRejected rejected = assertThrows(ReleaseRejected.class, () -> verifier.verify(release));
        assertEquals(1, rejected.problems().size(), rejected.problems().toString());
        return rejected.problems().get(0);
    }
}
