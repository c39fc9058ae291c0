package org.redoubt.fleet.cli.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.Envelope;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSignature;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.fleet.cli.FleetException;

/**
 * Signs documents of every kind into DSSE envelopes, one key at a time, so that k-of-n roles are
 * signed by separate key holders each holding only their own key file: the first holder makes the
 * envelope, each next one adds a signature to it. Every holder's step checks the document first
 * ({@link DocumentCheck}), so nobody signs what a handset would refuse, and shows what is signed.
 */
public final class Cosigning {

    private final DocumentCheck check;

    /** @param provider checks documents */
    public Cosigning(CryptoProvider provider) {
        this.check = new DocumentCheck(Objects.requireNonNull(provider, "provider"));
    }

    /**
     * A signed envelope and what it holds.
     *
     * @param envelope   the envelope's bytes
     * @param summary    one line describing the signed document
     * @param signatures how many signatures it carries now
     * @param keyId      the key id of the signature just added
     */
    public record Signed(byte[] envelope, String summary, int signatures, String keyId) {
    }

    /**
     * @param kind     what the document is
     * @param document the document's exact bytes (they become the payload)
     * @param key      the first signer's key
     * @param now      the current time
     * @return the envelope with one signature
     * @throws FleetException when a handset would refuse the document
     */
    public Signed sign(DocumentKind kind, byte[] document, SigningKey key, Instant now) throws FleetException {
        String summary = requireValid(kind, document, now);
        Envelope envelope = EnvelopeSigner.sign(kind.payloadType(), document, List.of(key));
        return new Signed(encode(envelope), summary, 1, key.verificationKey().keyId().hex());
    }

    /**
     * @param kind          what the document should be
     * @param envelopeBytes an envelope signed by other holders
     * @param key           this holder's key
     * @param now           the current time
     * @return the envelope with this holder's signature added at the end
     * @throws FleetException when the envelope is malformed or of another kind, the document is
     *                        one a handset would refuse, or this key signed it already
     */
    public Signed addSignature(DocumentKind kind, byte[] envelopeBytes, SigningKey key, Instant now)
            throws FleetException {
        Envelope envelope = kind.decode(envelopeBytes);
        String keyId = key.verificationKey().keyId().hex();
        for (EnvelopeSignature signature : envelope.signatures()) {
            if (signature.keyId().equals(keyId)) {
                throw new FleetException("key " + keyId + " has signed this envelope already");
            }
        }
        if (envelope.signatures().size() >= EnvelopeCodec.MAX_SIGNATURES) {
            throw new FleetException("the envelope has the most signatures one may carry");
        }
        byte[] payload = envelope.payload();
        String summary = requireValid(kind, payload, now);
        List<EnvelopeSignature> signatures = new ArrayList<>(envelope.signatures());
        signatures.addAll(EnvelopeSigner.sign(kind.payloadType(), payload, List.of(key)).signatures());
        return new Signed(encode(Envelope.of(kind.payloadType(), payload, signatures)), summary, signatures.size(),
                keyId);
    }

    private String requireValid(DocumentKind kind, byte[] document, Instant now) throws FleetException {
        DocumentCheck.Outcome outcome = check.check(kind, document, now);
        if (outcome instanceof DocumentCheck.Invalid invalid) {
            throw new FleetException("refusing to sign: " + invalid.reason() + " " + invalid.detail());
        }
        return ((DocumentCheck.Valid) outcome).summary();
    }

    private static byte[] encode(Envelope envelope) throws FleetException {
        byte[] bytes = EnvelopeCodec.encode(envelope);
        if (bytes.length > DocumentKind.MAX_ENVELOPE_BYTES) {
            throw new FleetException("the envelope would be " + bytes.length + " bytes, over the cap of "
                    + DocumentKind.MAX_ENVELOPE_BYTES);
        }
        return bytes;
    }
}
