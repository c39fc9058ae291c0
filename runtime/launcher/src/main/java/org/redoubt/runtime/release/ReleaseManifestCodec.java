package org.redoubt.runtime.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;
import org.redoubt.json.JsonValue;
import org.redoubt.json.JsonWriter;
import org.redoubt.runtime.firewall.ServiceGrant;
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
 *                            "digest": "sha256:...", "size": 412345, "startLevel": 1 }, ... ],
 *             "services": { "guarded": [ "org.redoubt.driver.*" ],
 *                           "grants": [ { "bundle": "org.redoubt.telephony",
 *                                         "services": [ "org.redoubt.driver.modem.*" ] }, ... ] } } }
 * </pre>
 *
 * <p>{@code services} ({@link ReleaseRules}) is optional: without it only the driver APIs are
 * guarded and no bundle is granted them. Written only when the release has rules of its own.
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

    private static final Set<String> BODY_MEMBERS = Set.of("schema", "profile", "bundles", "services");
    private static final Set<String> SERVICES_MEMBERS = Set.of("guarded", "grants");
    private static final Set<String> GRANT_MEMBERS = Set.of("bundle", "services");
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
            ReleaseRules rules = body.optionalObject("services").isPresent()
                    ? rules(body.requireObject("services")) : ReleaseRules.NONE;
            return new ReleaseManifest(release, body.requireString("profile"), bundles, rules);
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
        JsonObject.Builder body = JsonObject.builder()
                .put("schema", (long) SCHEMA)
                .put("profile", manifest.profile())
                .put("bundles", JsonArray.of(bundles));
        if (!manifest.rules().equals(ReleaseRules.NONE)) {
            body.put("services", rules(manifest.rules()));
        }
        return body.build();
    }

    /**
     * @param rules service rules
     * @return them as the body's {@code services} member
     */
    public JsonObject rules(ReleaseRules rules) {
        List<JsonValue> grants = new ArrayList<>();
        for (ServiceGrant grant : rules.grants()) {
            grants.add(JsonObject.builder().put("bundle", grant.bundle()).put("services", strings(grant.services()))
                    .build());
        }
        return JsonObject.builder().put("guarded", strings(rules.guarded())).put("grants", JsonArray.of(grants)).build();
    }

    /**
     * Reads service rules on their own (the reviewed rules file a release is built with), as
     * strictly as inside a manifest.
     *
     * @param services the {@code services} object
     * @return the rules
     * @throws ReleaseRejected {@link Reason#MALFORMED_MANIFEST} naming the offending member
     */
    public ReleaseRules decodeRules(JsonObject services) throws ReleaseRejected {
        try {
            return rules(services);
        } catch (JsonException | IllegalArgumentException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    private static ReleaseRules rules(JsonObject services) throws JsonException {
        services.requireOnly(SERVICES_MEMBERS);
        List<String> guarded = names(services.requireArray("guarded"), ReleaseRules.MAX_GUARDED, "services.guarded");
        JsonArray grantArray = services.requireArray("grants");
        if (grantArray.elements().size() > ReleaseRules.MAX_GRANTS) {
            throw new IllegalArgumentException("more than " + ReleaseRules.MAX_GRANTS + " grants");
        }
        List<ServiceGrant> grants = new ArrayList<>();
        for (JsonValue item : grantArray.elements()) {
            if (!(item instanceof JsonObject grant)) {
                throw new IllegalArgumentException("every entry of services.grants must be an object");
            }
            grant.requireOnly(GRANT_MEMBERS);
            grants.add(new ServiceGrant(grant.requireString("bundle"),
                    names(grant.requireArray("services"), ReleaseRules.MAX_GRANTED, "a grant's services")));
        }
        return new ReleaseRules(guarded, grants);
    }

    private static List<String> names(JsonArray array, int max, String where) {
        if (array.elements().size() > max) {
            throw new IllegalArgumentException("more than " + max + " names in " + where);
        }
        List<String> names = new ArrayList<>();
        for (JsonValue item : array.elements()) {
            if (!(item instanceof JsonString name)) {
                throw new IllegalArgumentException("every entry of " + where + " must be a string");
            }
            names.add(name.value());
        }
        return names;
    }

    private static JsonArray strings(List<String> values) {
        return JsonArray.of(values.stream().map(value -> (JsonValue) JsonString.of(value)).toList());
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
