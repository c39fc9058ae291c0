package org.redoubt.release.agent.internal;

import java.time.Instant;
import java.util.OptionalLong;

import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonWriter;

/**
 * A release ack on {@code devices/<id>/ack}: the document, the release number, the envelope's
 * SHA-256, the state reached, and for a rejection or rollback the reason code (the detail's first
 * word) and the detail; for a download in progress the bytes received of the total.
 */
final class ReleaseAck {

    static final String DOCUMENT = "redoubt.release";

    private ReleaseAck() {
    }

    /**
     * @param release  the release number, or 0 when the manifest could not be read
     * @param envelope {@code sha256:<hex>} of the received envelope
     * @param state    the state reached
     * @param detail   a reason code, a colon and text for REJECTED and ROLLED_BACK; else any text
     * @param received bytes received so far (DOWNLOADING only)
     * @param total    bytes to receive (DOWNLOADING only)
     * @param at       now
     * @return the JSON
     */
    static byte[] json(long release, String envelope, ReleaseProgress state, String detail, OptionalLong received,
            OptionalLong total, Instant at) {
        JsonObject.Builder ack = JsonObject.builder().put("document", DOCUMENT);
        if (release > 0) {
            ack.put("version", release);
        }
        ack.put("envelope", envelope).put("result", state.name());
        if (state == ReleaseProgress.REJECTED || state == ReleaseProgress.ROLLED_BACK) {
            ack.put("reason", reasonCode(detail)).put("detail", detail);
        } else if (!detail.isEmpty()) {
            ack.put("detail", detail);
        }
        received.ifPresent(bytes -> ack.put("received", bytes));
        total.ifPresent(bytes -> ack.put("total", bytes));
        return JsonWriter.compact().writeUtf8(ack.put("at", at.toString()).build());
    }

    /** @return the leading upper-case code of a detail such as {@code START_FAILED: ...} */
    static String reasonCode(String detail) {
        int end = 0;
        while (end < detail.length() && (Character.isUpperCase(detail.charAt(end)) || detail.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? "FAILED" : detail.substring(0, end);
    }
}
