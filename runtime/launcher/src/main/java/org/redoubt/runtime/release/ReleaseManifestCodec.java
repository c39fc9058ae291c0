package org.redoubt.runtime.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonValue;
import org.redoubt.json.JsonWriter;
import org.redoubt.runtime.release.ReleaseRejected.Reason;

/**
 * Reads and writes the release document, strictly: unknown members, wrong types, duplicate keys and
 * out-of-range values are all a {@link Reason#MALFORMED_MANIFEST}. The document is the payload of
 * a DSSE envelope ({@value #PAYLOAD_TYPE}) signed by the release role; its header is the one every
 * signed document has, its body lists the bundles. The release number is the document version.
 *
 * <pre>
 * { "type": "redoubt.release", "version": 7, "issuedAt": "...Z", "expires": "...Z",
 *   "target": { "model": "redoubt-emulator" },
 *   "body": { "schema": 1, "profile": "production",
 *             "bundles": [ { "symbolicName": "org.apache.felix.scr", "version": "2.2.18",
 *                            "file": "bundles/org.apache.felix.scr-2.2.18.jar",
 *                            "digest": "sha256:...", "size": 412345, "startLevel": 1 }, ... ] } }
 * </pre>
 */
public final class ReleaseManifestCodec {

    /** The envelope's payload type. */
    public static final String PAYLOAD_TYPE = "application/vnd.redoubt.release+json";
    /** The document type. */
    public static final String TYPE = "redoubt.release";
    /** The body schema version this codec reads and writes. */
    public static final int SCHEMA = 1;
    /** The largest document accepted. */
    public static final int MAX_MANIFEST_BYTES = 1024 * 1024;
    /** The largest envelope accepted: the base64 document plus room for signatures. */
    public static final int MAX_ENVELOPE_BYTES = MAX_MANIFEST_BYTES * 4 / 3 + 64 * 1024;

    private static final Set<String> BODY_MEMBERS = Set.of("schema", "profile", "bundles");
    private static final Set<String> BUNDLE_MEMBERS = Set.of("symbolicName", "version", "file", "digest", "size",
            "startLevel");

    /**
     * @param release the document's version, which is the release number
     * @param body    the document's body
     * @return the manifest
     * @throws ReleaseRejected {@link Reason#MALFORMED_MANIFEST} naming the offending member
     */
    public ReleaseManifest decode(long release, JsonObject body) throws ReleaseRejected {
        try {
            body.requireOnly(BODY_MEMBERS);
            if (body.requireInt("schema") != SCHEMA) {
                throw malformed("unsupported schema " + body.requireInt("schema") + " (this launcher reads " + SCHEMA
                        + ")", null);
            }
            if (body.requireArray("bundles").elements().size() > ReleaseManifest.MAX_BUNDLES) {
                throw malformed("more than " + ReleaseManifest.MAX_BUNDLES + " bundles", null);
            }
            List<ReleaseBundle> bundles = new ArrayList<>();
            for (JsonValue item : body.requireArray("bundles").elements()) {
                if (!(item instanceof JsonObject bundle)) {
                    throw malformed("every entry of bundles must be an object", null);
                }
                bundles.add(bundle(bundle));
            }
            return new ReleaseManifest(release, body.requireString("profile"), bundles);
        } catch (JsonException e) {
            throw malformed(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    /**
     * @param manifest a manifest
     * @return its body, as {@link #decode} reads it
     */
    public JsonObject body(ReleaseManifest manifest) {
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
        return JsonObject.builder()
                .put("schema", (long) SCHEMA)
                .put("profile", manifest.profile())
                .put("bundles", JsonArray.of(bundles))
                .build();
    }

    /**
     * @param manifest a manifest
     * @param stamp    when it is valid and for which handsets
     * @return the complete document, indented UTF-8 ending with a newline: the bytes to sign
     */
    public byte[] encode(ReleaseManifest manifest, ReleaseStamp stamp) {
        JsonObject.Builder target = JsonObject.builder();
        stamp.target().device().ifPresent(device -> target.put("device", device));
        stamp.target().group().ifPresent(group -> target.put("group", group));
        stamp.target().model().ifPresent(model -> target.put("model", model));
        JsonObject document = JsonObject.builder()
                .put("type", TYPE)
                .put("version", manifest.release())
                .put("issuedAt", stamp.issuedAt().toString())
                .put("expires", stamp.expires().toString())
                .put("target", target.build())
                .put("body", body(manifest))
                .build();
        return (JsonWriter.indented().write(document) + "\n").getBytes(StandardCharsets.UTF_8);
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
