package org.redoubt.runtime.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonValue;
import org.redoubt.json.JsonWriter;
import org.redoubt.runtime.release.ReleaseRejected.Reason;

/**
 * Reads and writes {@code release.json}, strictly: unknown members, wrong types, duplicate keys and
 * out-of-range values are all a {@link Reason#MALFORMED_MANIFEST}.
 *
 * <pre>
 * { "type": "redoubt.release", "schema": 1, "release": 7, "profile": "production",
 *   "bundles": [ { "symbolicName": "org.apache.felix.scr", "version": "2.2.18",
 *                  "file": "bundles/org.apache.felix.scr-2.2.18.jar",
 *                  "digest": "sha256:...", "size": 412345, "startLevel": 1 }, ... ] }
 * </pre>
 */
public final class ReleaseManifestCodec {

    /** The value of {@code type}. */
    public static final String TYPE = "redoubt.release";
    /** The schema version this codec reads and writes. */
    public static final int SCHEMA = 1;
    /** The largest manifest accepted. */
    public static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private static final Set<String> MANIFEST_MEMBERS = Set.of("type", "schema", "release", "profile", "bundles");
    private static final Set<String> BUNDLE_MEMBERS = Set.of("symbolicName", "version", "file", "digest", "size",
            "startLevel");
    private static final JsonLimits LIMITS = new JsonLimits(MAX_MANIFEST_BYTES, 8, 4096, ReleaseManifest.MAX_BUNDLES);

    /**
     * @param utf8 the manifest bytes
     * @return the manifest
     * @throws ReleaseRejected {@link Reason#MALFORMED_MANIFEST} naming the offending member
     */
    public ReleaseManifest decode(byte[] utf8) throws ReleaseRejected {
        try {
            JsonValue parsed = JsonParser.parse(utf8, LIMITS);
            if (!(parsed instanceof JsonObject root)) {
                throw malformed("the manifest must be a JSON object", null);
            }
            root.requireOnly(MANIFEST_MEMBERS);
            if (!TYPE.equals(root.requireString("type"))) {
                throw malformed("type must be " + TYPE, null);
            }
            if (root.requireInt("schema") != SCHEMA) {
                throw malformed("unsupported schema " + root.requireInt("schema") + " (this launcher reads " + SCHEMA
                        + ")", null);
            }
            List<ReleaseBundle> bundles = new ArrayList<>();
            for (JsonValue item : root.requireArray("bundles").elements()) {
                if (!(item instanceof JsonObject bundle)) {
                    throw malformed("every entry of bundles must be an object", null);
                }
                bundles.add(bundle(bundle));
            }
            return new ReleaseManifest(root.requireLong("release"), root.requireString("profile"), bundles);
        } catch (JsonException e) {
            throw malformed(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    /**
     * @param manifest a manifest
     * @return its canonical UTF-8 form, indented, ending with a newline
     */
    public byte[] encode(ReleaseManifest manifest) {
        List<JsonValue> bundles = new ArrayList<>();
        for (ReleaseBundle bundle : manifest.bundles()) {
            bundles.add(JsonObject.builder()
                    .put("symbolicName", bundle.symbolicName())
                    .put("version", bundle.version())
                    .put("file", bundle.file())
                    .put("digest", bundle.digest().toString())
                    .put("size", bundle.size())
                    .put("startLevel", (long) bundle.startLevel())
                    .build());
        }
        JsonObject root = JsonObject.builder()
                .put("type", TYPE)
                .put("schema", (long) SCHEMA)
                .put("release", manifest.release())
                .put("profile", manifest.profile())
                .put("bundles", JsonArray.of(bundles))
                .build();
        return (JsonWriter.indented().write(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ReleaseBundle bundle(JsonObject bundle) throws JsonException {
        bundle.requireOnly(BUNDLE_MEMBERS);
        return new ReleaseBundle(bundle.requireString("symbolicName"), bundle.requireString("version"),
                bundle.requireString("file"), BundleDigest.parse(bundle.requireString("digest")),
                bundle.requireLong("size"), bundle.requireInt("startLevel"));
    }

    private static ReleaseRejected malformed(String detail, Throwable cause) {
        return new ReleaseRejected(Reason.MALFORMED_MANIFEST, ReleaseVerifier.MANIFEST, detail, cause);
    }
}
