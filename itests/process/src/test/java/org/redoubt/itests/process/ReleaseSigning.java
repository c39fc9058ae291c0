package org.redoubt.itests.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DocumentException;
import org.redoubt.crypto.documents.Envelope;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.Role;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonValue;
import org.redoubt.json.JsonWriter;
import org.redoubt.runtime.release.DevelopmentKeys;
import org.redoubt.runtime.release.ReleaseManifestCodec;
import org.redoubt.runtime.release.ReleaseVerifier;

/**
 * Edits and re-signs release manifests the way an OS engineer would: with the build's development
 * keys (under {@code runtime/distribution/target/dev-keys}), or with a key the handset does not
 * trust, to play the attacker.
 */
final class ReleaseSigning {

    static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst()
            .orElseThrow(() -> new AssertionError("no CryptoProvider on the test class path"));

    private ReleaseSigning() {
    }

    /** @return the build's development keys; the build must have created them */
    static DevelopmentKeys developmentKeys() throws IOException {
        Path directory = Path.of(System.getProperty("redoubt.devKeys", "../../runtime/distribution/target/dev-keys"));
        if (!Files.isDirectory(directory)) {
            throw new AssertionError("no development keys at " + directory + "; build runtime/distribution first");
        }
        return DevelopmentKeys.loadOrCreate(directory, PROVIDER, Instant.now());
    }

    /** Rewrites the release document in {@code release} with {@code edit} and signs it with the development release key. */
    static void resign(Path release, UnaryOperator<JsonObject> edit) throws Exception {
        try (DevelopmentKeys keys = developmentKeys()) {
            sign(release, edit, keys.key(Role.RELEASE));
        }
    }

    /** Rewrites the release document in {@code release} with {@code edit} and signs it with {@code key}. */
    static void sign(Path release, UnaryOperator<JsonObject> edit, SigningKey key) throws Exception {
        Path manifest = release.resolve(ReleaseVerifier.MANIFEST);
        JsonObject edited = edit.apply(document(manifest));
        Files.write(manifest, EnvelopeCodec.encode(EnvelopeSigner.sign(ReleaseManifestCodec.PAYLOAD_TYPE,
                JsonWriter.indented().writeUtf8(edited), List.of(key))));
    }

    /** Rewrites the release document without signing it again: the old signatures stay. */
    static void editWithoutSigning(Path release, UnaryOperator<JsonObject> edit) throws Exception {
        Path manifest = release.resolve(ReleaseVerifier.MANIFEST);
        Envelope signed = EnvelopeCodec.decode(Files.readAllBytes(manifest), ReleaseManifestCodec.MAX_ENVELOPE_BYTES);
        byte[] edited = JsonWriter.indented().writeUtf8(edit.apply(document(manifest)));
        Files.write(manifest, EnvelopeCodec.encode(Envelope.of(signed.payloadType(), edited, signed.signatures())));
    }

    /** @return the release document inside the envelope */
    static JsonObject document(Path manifest) throws IOException, DocumentException, JsonException {
        Envelope envelope = EnvelopeCodec.decode(Files.readAllBytes(manifest), ReleaseManifestCodec.MAX_ENVELOPE_BYTES);
        return JsonParser.parseObject(envelope.payload(), JsonLimits.DEFAULT);
    }

    /** @return {@code object} with member {@code name} set to {@code value} (added when absent) */
    static JsonObject with(JsonObject object, String name, JsonValue value) {
        JsonObject.Builder edited = JsonObject.builder();
        object.members().forEach((member, content) -> edited.put(member, member.equals(name) ? value : content));
        if (!object.members().containsKey(name)) {
            edited.put(name, value);
        }
        return edited.build();
    }
}
