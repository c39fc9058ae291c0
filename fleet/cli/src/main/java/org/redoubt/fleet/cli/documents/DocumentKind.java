package org.redoubt.fleet.cli.documents;

import java.util.Locale;
import java.util.Optional;

import org.redoubt.crypto.documents.DocumentException;
import org.redoubt.crypto.documents.Envelope;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.fleet.cli.FleetException;

/**
 * The signed documents an operator issues: what each is called in envelopes and documents, and
 * which role of the root signs it.
 */
public enum DocumentKind {
    /** A device policy. */
    POLICY("application/vnd.redoubt.policy+json", "redoubt.policy", Role.POLICY),
    /** A command to one device (lock, wipe, ...). */
    COMMAND("application/vnd.redoubt.command+json", "redoubt.command", Role.COMMAND),
    /** A trust root. */
    ROOT(TrustRoot.PAYLOAD_TYPE, TrustRoot.DOCUMENT_TYPE, Role.ROOT);

    /**
     * The size cap the tool applies to envelopes it reads and writes; a handset's own cap per
     * channel may be smaller.
     */
    public static final int MAX_ENVELOPE_BYTES = 1 << 20;

    private final String payloadType;
    private final String documentType;
    private final Role role;

    DocumentKind(String payloadType, String documentType, Role role) {
        this.payloadType = payloadType;
        this.documentType = documentType;
        this.role = role;
    }

    /** @return the DSSE payload type */
    public String payloadType() {
        return payloadType;
    }

    /** @return the document's {@code type} */
    public String documentType() {
        return documentType;
    }

    /** @return the role whose threshold must sign */
    public Role role() {
        return role;
    }

    /** @return the name on the command line and in topics, e.g. {@code policy} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param bytes an envelope's bytes
     * @return the envelope
     * @throws FleetException when it is not a valid envelope or holds another kind of document
     */
    public Envelope decode(byte[] bytes) throws FleetException {
        Envelope envelope;
        try {
            envelope = EnvelopeCodec.decode(bytes, MAX_ENVELOPE_BYTES);
        } catch (DocumentException e) {
            throw new FleetException("not a valid envelope: " + e.reason() + " " + e.getMessage(), e);
        }
        if (!envelope.payloadType().equals(payloadType)) {
            throw new FleetException("the envelope holds " + envelope.payloadType() + ", not a " + id());
        }
        return envelope;
    }

    /**
     * @param payloadType a DSSE payload type
     * @return the kind with that payload type
     */
    public static Optional<DocumentKind> ofPayloadType(String payloadType) {
        for (DocumentKind kind : values()) {
            if (kind.payloadType.equals(payloadType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
