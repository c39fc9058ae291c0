package org.redoubt.runtime.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redoubt.crypto.documents.Target;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

class ReleaseManifestCodecTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private final ReleaseManifestCodec codec = new ReleaseManifestCodec();

    @Test
    void bodyThenDecodeGivesTheSameManifest() throws Exception {
        ReleaseManifest manifest = new ReleaseManifest(9, "engineering", List.of(
                new ReleaseBundle("org.apache.felix.scr", "2.2.18", "bundles/scr.jar", BundleDigest.parse(DIGEST), 10, 1),
                new ReleaseBundle("org.redoubt.shell", "1.0.0", "bundles/shell.jar", BundleDigest.parse(DIGEST), 20, 5)));
        JsonObject body = codec.body(manifest);
        assertEquals(manifest, codec.decode(9, body));
        assertEquals(body, codec.body(codec.decode(9, body)));
    }

    @Test
    void theDocumentCarriesTheCommonHeaderWithTheReleaseNumberAsVersion() throws Exception {
        ReleaseManifest manifest = new ReleaseManifest(4, "production", List.of(
                new ReleaseBundle("org.apache.felix.scr", "2.2.18", "bundles/scr.jar", BundleDigest.parse(DIGEST), 10, 1)));
        ReleaseStamp stamp = new ReleaseStamp(Instant.parse("2026-03-01T10:00:00.5Z"), Instant.parse("2027-03-01T10:00:00Z"),
                new Target(Optional.empty(), Optional.of("field"), Optional.of("rdt-1")));
        JsonObject document = JsonParser.parseObject(codec.encode(manifest, stamp), JsonLimits.DEFAULT);
        assertEquals(ReleaseManifestCodec.TYPE, document.requireString("type"));
        assertEquals(4, document.requireLong("version"));
        assertEquals("2026-03-01T10:00:00Z", document.requireString("issuedAt"));
        assertEquals("2027-03-01T10:00:00Z", document.requireString("expires"));
        assertEquals(Set.of("group", "model"), document.requireObject("target").names());
        assertEquals(manifest, codec.decode(4, document.requireObject("body")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schema\":2,\"profile\":\"p\",\"bundles\":[B]}",
        "{\"schema\":1,\"profile\":\"p\",\"bundles\":[]}",
        "{\"schema\":1,\"profile\":\"P!\",\"bundles\":[B]}",
        "{\"schema\":\"1\",\"profile\":\"p\",\"bundles\":[B]}",
        "{\"schema\":1,\"profile\":\"p\",\"bundles\":[B,B]}",
        "{\"schema\":1,\"profile\":\"p\",\"bundles\":[B],\"sideload\":true}",
        "{\"schema\":1,\"profile\":\"p\",\"bundles\":[1]}",
        "{\"schema\":1,\"profile\":\"p\"}",
    })
    void malformedBodiesAreRejected(String template) throws Exception {
        String bundle = "{\"symbolicName\":\"a\",\"version\":\"1\",\"file\":\"bundles/a.jar\",\"digest\":\"" + DIGEST
                + "\",\"size\":1,\"startLevel\":1}";
        JsonObject body = JsonParser.parseObject(template.replace("B", bundle), JsonLimits.DEFAULT);
        ReleaseRejected rejected = assertThrows(ReleaseRejected.class, () -> codec.decode(1, body));
        assertEquals(ReleaseRejected.Reason.MALFORMED_MANIFEST, rejected.problems().get(0).reason());
    }

    @Test
    void releaseNumberMustBePositive() throws Exception {
        JsonObject body = codec.body(new ReleaseManifest(1, "p", List.of(
                new ReleaseBundle("a", "1", "bundles/a.jar", BundleDigest.parse(DIGEST), 1, 1))));
        ReleaseRejected rejected = assertThrows(ReleaseRejected.class, () -> codec.decode(0, body));
        assertEquals(ReleaseRejected.Reason.MALFORMED_MANIFEST, rejected.problems().get(0).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.jar", "bundles/../../etc/passwd.jar", "/abs.jar", "bundles/sub/x.jar", "bundles/.jar",
        "bundles/x.zip"})
    void bundleFilesMustStayInsideTheBundlesDirectory(String file) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReleaseBundle("a", "1", file, BundleDigest.parse(DIGEST), 1, 1));
        assertTrue(e.getMessage().contains("bundles/<name>.jar"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:" + "AB", "md5:00", "sha256", "sha256:" + "zz0000000000000000000000000000000000000000000000000000000000000a"})
    void badDigestsAreRejected(String digest) {
        assertThrows(IllegalArgumentException.class, () -> BundleDigest.parse(digest));
    }
}
