package org.redoubt.runtime.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReleaseManifestCodecTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private final ReleaseManifestCodec codec = new ReleaseManifestCodec();

    @Test
    void encodeThenDecodeGivesTheSameManifestAndTheSameBytes() throws Exception {
        ReleaseManifest manifest = new ReleaseManifest(9, "engineering", List.of(
                new ReleaseBundle("org.apache.felix.scr", "2.2.18", "bundles/scr.jar", BundleDigest.parse(DIGEST), 10, 1),
                new ReleaseBundle("org.redoubt.shell", "1.0.0", "bundles/shell.jar", BundleDigest.parse(DIGEST), 20, 5)));
        byte[] encoded = codec.encode(manifest);
        assertEquals(manifest, codec.decode(encoded));
        assertArrayEquals(encoded, codec.encode(codec.decode(encoded)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"type\":\"redoubt.policy\",\"schema\":1,\"release\":1,\"profile\":\"p\",\"bundles\":[]}",
        "{\"type\":\"redoubt.release\",\"schema\":2,\"release\":1,\"profile\":\"p\",\"bundles\":[]}",
        "{\"type\":\"redoubt.release\",\"schema\":1,\"release\":0,\"profile\":\"p\",\"bundles\":[B]}",
        "{\"type\":\"redoubt.release\",\"schema\":1,\"release\":1,\"profile\":\"p\",\"bundles\":[]}",
        "{\"type\":\"redoubt.release\",\"schema\":1,\"release\":\"1\",\"profile\":\"p\",\"bundles\":[B]}",
        "{\"type\":\"redoubt.release\",\"schema\":1,\"release\":1,\"profile\":\"p\",\"bundles\":[B,B]}",
        "{\"type\":\"redoubt.release\",\"schema\":1,\"release\":1,\"release\":2,\"profile\":\"p\",\"bundles\":[B]}",
        "{\"type\":\"redoubt.release\",\"schema\":1,\"release\":1,\"profile\":\"p\",\"bundles\":[B]} x",
    })
    void malformedManifestsAreRejected(String template) {
        String bundle = "{\"symbolicName\":\"a\",\"version\":\"1\",\"file\":\"bundles/a.jar\",\"digest\":\"" + DIGEST
                + "\",\"size\":1,\"startLevel\":1}";
        byte[] json = template.replace("B", bundle).getBytes(StandardCharsets.UTF_8);
        ReleaseRejected rejected = assertThrows(ReleaseRejected.class, () -> codec.decode(json));
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
