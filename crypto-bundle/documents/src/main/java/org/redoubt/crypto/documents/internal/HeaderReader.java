package org.redoubt.crypto.documents.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.redoubt.crypto.documents.DocumentException;
import org.redoubt.crypto.documents.DocumentHeader;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.crypto.documents.Target;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonObject;

/**
 * Reads the common header of a signed document:
 * {@code {type, version, issuedAt, expires, target: {device?, group?, model?}, body: {...}}}.
 */
public final class HeaderReader {

    /** The members a document may have. */
    public static final Set<String> DOCUMENT_MEMBERS = Set.of("type", "version", "issuedAt", "expires", "target", "body");

    private static final Set<String> TARGET_MEMBERS = Set.of("device", "group", "model");

    private HeaderReader() {
    }

    /**
     * @param document the payload's root object, already checked against {@link #DOCUMENT_MEMBERS}
     * @return the header
     * @throws JsonException     when a member is missing or of the wrong type or value
     * @throws DocumentException {@link ReasonCode#WRONG_TARGET} for an empty target
     */
    public static DocumentHeader read(JsonObject document) throws JsonException, DocumentException {
        String type = document.requireString("type");
        long version = document.requireLong("version");
        if (version < 1) {
            throw document.invalid("version", "must be at least 1");
        }
        Instant issuedAt = TrustRootReader.instant(document, "issuedAt");
        Instant expires = TrustRootReader.instant(document, "expires");
        if (issuedAt.isAfter(expires)) {
            throw document.invalid("issuedAt", "after expires");
        }
        JsonObject target = document.requireObject("target").requireOnly(TARGET_MEMBERS);
        Optional<String> device = target.optionalString("device");
        Optional<String> group = target.optionalString("group");
        Optional<String> model = target.optionalString("model");
        if (device.isEmpty() && group.isEmpty() && model.isEmpty()) {
            throw new DocumentException(ReasonCode.WRONG_TARGET, "the target names no device, group or model");
        }
        return new DocumentHeader(type, version, issuedAt, expires, new Target(device, group, model));
    }
}
