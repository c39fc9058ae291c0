package org.redoubt.crypto.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.redoubt.crypto.documents.internal.JsonFailures;
import org.redoubt.crypto.documents.internal.StrictBase64;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;

/**
 * The strict JSON form of a DSSE envelope:
 * {@code {"payloadType": "...", "payload": "<base64>", "signatures": [{"keyid": "...", "sig": "<base64>"}]}}.
 *
 * <p>Reading accepts exactly that: no other member at either level, no duplicate member, standard
 * padded canonical base64 only (no URL-safe alphabet, no missing padding), a non-empty payload
 * type, 1 to {@link #MAX_SIGNATURES} signatures each with a key id and a non-empty signature, and
 * never more bytes than the caller's cap.
 *
 * @since 1.0
 */
public final class EnvelopeCodec {

    /** The most signatures one envelope may carry; each costs a verification. */
    public static final int MAX_SIGNATURES = 32;

    private static final Set<String> ENVELOPE_MEMBERS = Set.of("payloadType", "payload", "signatures");
    private static final Set<String> SIGNATURE_MEMBERS = Set.of("keyid", "sig");

    private EnvelopeCodec() {
    }

    /**
     * @param bytes    the envelope's UTF-8 JSON
     * @param maxBytes the size cap, at least 1
     * @return the envelope
     * @throws DocumentException {@link ReasonCode#TOO_LARGE} over the cap,
     *                           {@link ReasonCode#MALFORMED_ENVELOPE} for anything else wrong
     */
    public static Envelope decode(byte[] bytes, int maxBytes) throws DocumentException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        if (bytes.length > maxBytes) {
            throw new DocumentException(ReasonCode.TOO_LARGE,
                    "envelope of " + bytes.length + " bytes exceeds the cap of " + maxBytes);
        }
        JsonLimits limits = new JsonLimits(maxBytes, 3, maxBytes, MAX_SIGNATURES);
        try {
            JsonObject root = JsonParser.parseObject(bytes, limits).requireOnly(ENVELOPE_MEMBERS);
            String payloadType = root.requireString("payloadType");
            if (payloadType.isEmpty()) {
                throw new DocumentException(ReasonCode.MALFORMED_ENVELOPE, "empty payloadType");
            }
            byte[] payload = base64(root.requireString("payload"), "payload");
            JsonArray list = root.requireArray("signatures");
            if (list.isEmpty()) {
                throw new DocumentException(ReasonCode.MALFORMED_ENVELOPE, "no signatures");
            }
            List<EnvelopeSignature> signatures = new ArrayList<>(list.size());
            for (JsonObject entry : list.requireObjects()) {
                entry.requireOnly(SIGNATURE_MEMBERS);
                String keyId = entry.requireString("keyid");
                byte[] sig = base64(entry.requireString("sig"), "sig");
                if (sig.length == 0) {
                    throw new DocumentException(ReasonCode.MALFORMED_ENVELOPE, "empty signature");
                }
                signatures.add(EnvelopeSignature.of(keyId, sig));
            }
            return Envelope.of(payloadType, payload, signatures);
        } catch (JsonException e) {
            throw JsonFailures.ofEnvelope(e);
        }
    }

    /**
     * @param envelope the envelope
     * @return its compact UTF-8 JSON, members in the order above
     */
    public static byte[] encode(Envelope envelope) {
        JsonArray.Builder signatures = JsonArray.builder();
        for (EnvelopeSignature signature : envelope.signatures()) {
            signatures.add(JsonObject.builder()
                    .put("keyid", signature.keyId())
                    .put("sig", StrictBase64.encode(signature.signature()))
                    .build());
        }
        JsonObject json = JsonObject.builder()
                .put("payloadType", envelope.payloadType())
                .put("payload", StrictBase64.encode(envelope.payload()))
                .put("signatures", signatures.build())
                .build();
        return JsonWriter.compact().writeUtf8(json);
    }

    private static byte[] base64(String text, String member) throws DocumentException {
        return StrictBase64.decode(text).orElseThrow(() -> new DocumentException(ReasonCode.MALFORMED_ENVELOPE,
                member + " is not canonical padded standard base64"));
    }
}
