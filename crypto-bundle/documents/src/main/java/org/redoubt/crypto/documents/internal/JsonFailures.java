package org.redoubt.crypto.documents.internal;

import org.redoubt.crypto.documents.DocumentException;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.json.JsonException;

/** Turns the JSON library's reasons into document reason codes. */
public final class JsonFailures {

    private JsonFailures() {
    }

    /**
     * @param failure the JSON error of a payload
     * @return the document error: {@code TOO_LARGE}, {@code UNKNOWN_FIELD} or {@code MALFORMED_DOCUMENT}
     */
    public static DocumentException ofDocument(JsonException failure) {
        ReasonCode reason = switch (failure.reason()) {
            case TOO_LARGE -> ReasonCode.TOO_LARGE;
            case UNKNOWN_MEMBER -> ReasonCode.UNKNOWN_FIELD;
            default -> ReasonCode.MALFORMED_DOCUMENT;
        };
        return new DocumentException(reason, failure.getMessage(), failure);
    }

    /**
     * @param failure the JSON error of an envelope
     * @return the envelope error: {@code TOO_LARGE} or {@code MALFORMED_ENVELOPE}
     */
    public static DocumentException ofEnvelope(JsonException failure) {
        ReasonCode reason = failure.reason() == JsonException.Reason.TOO_LARGE
                ? ReasonCode.TOO_LARGE : ReasonCode.MALFORMED_ENVELOPE;
        return new DocumentException(reason, failure.getMessage(), failure);
    }
}
