package org.redoubt.policy.agent.internal;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonWriter;

/**
 * The handset's answer to one received document, published on {@code devices/<id>/ack}. The
 * operator matches it to what they published by {@code envelope}: the SHA-256 of the exact bytes
 * received.
 *
 * @param document       the document type the channel expects ({@code redoubt.policy}, ...)
 * @param version        the document's version, when its header could be read
 * @param envelopeSha256 the SHA-256 of the received bytes
 * @param result         what happened
 * @param reason         the reason code of a rejection or failure
 * @param detail         a short explanation (never secrets; received text only sanitised)
 * @param at             when the handset decided
 */
record Ack(String document, OptionalLong version, byte[] envelopeSha256, Result result, Optional<String> reason,
        Optional<String> detail, Instant at) {

    /** What happened to a document. */
    enum Result {
        /** Verified and in force. */
        APPLIED,
        /** The same document again (a retained or redelivered copy): nothing was done. */
        ALREADY_APPLIED,
        /** Refused by verification or the schema; nothing changed. */
        REJECTED,
        /** Verified but could not be put in force; everything was put back as it was. */
        FAILED
    }

    Ack {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(version, "version");
        envelopeSha256 = envelopeSha256.clone();
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public byte[] envelopeSha256() {
        return envelopeSha256.clone();
    }

    /** @return {@code sha256:<hex>}, as the ack carries it */
    String envelope() {
        return "sha256:" + HexFormat.of().formatHex(envelopeSha256);
    }

    /** @return the ack as published */
    byte[] toJson() {
        JsonObject.Builder json = JsonObject.builder().put("document", document);
        version.ifPresent(v -> json.put("version", v));
        json.put("envelope", envelope()).put("result", result.name());
        reason.ifPresent(r -> json.put("reason", r));
        detail.ifPresent(d -> json.put("detail", d));
        return JsonWriter.compact().writeUtf8(json.put("at", at.toString()).build());
    }
}
