package org.redoubt.audit.chain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.VerificationKey;

/**
 * Checkpoint lines: a {@code CHECKPOINT} entry whose details are {@code device} (the device id),
 * {@code scheme} (the identity key's signature scheme) and {@code sig} (base64 of the signature).
 * The signature covers the domain {@value #DOMAIN} followed by the whole line as it is with an
 * empty {@code sig}: the device, the sequence number, the time and the hash of the chain head before
 * it ({@code prev}). A valid checkpoint therefore vouches for every line up to and including it.
 *
 * @since 1.0
 */
public final class Checkpoints {

    /** What a checkpoint signature is over, before the line: no other signature of the key fits. */
    public static final String DOMAIN = "redoubt/v1/audit-checkpoint\n";

    private static final Set<String> DETAILS = Set.of("device", "scheme", "sig");

    private Checkpoints() {
    }

    /**
     * @param unsigned a checkpoint line (its {@code sig} is ignored)
     * @return the bytes its signature is over
     */
    public static byte[] statement(AuditLine unsigned) {
        byte[] domain = DOMAIN.getBytes(StandardCharsets.US_ASCII);
        byte[] line = unsigned.withDetail("sig", "").bytes();
        byte[] statement = new byte[domain.length + line.length];
        System.arraycopy(domain, 0, statement, 0, domain.length);
        System.arraycopy(line, 0, statement, domain.length, line.length);
        return statement;
    }

    /**
     * @param unsigned a {@code CHECKPOINT} line with its {@code device} and {@code scheme} details
     * @param signer   the identity key's signature of a statement
     * @return the line with its {@code sig}
     */
    public static AuditLine sign(AuditLine unsigned, UnaryOperator<byte[]> signer) {
        byte[] signature = signer.apply(statement(unsigned));
        return unsigned.withDetail("sig", Base64.getEncoder().encodeToString(signature));
    }

    /**
     * @param line     a checkpoint line
     * @param deviceId the device it must name
     * @param identity the device's identity key
     * @param provider checks the signature
     * @return null when the checkpoint is valid, else why not
     */
    public static String check(AuditLine line, String deviceId, VerificationKey identity, CryptoProvider provider) {
        Map<String, String> details = line.details();
        if (!details.keySet().equals(DETAILS) || !line.reason().isEmpty()) {
            return "a checkpoint has exactly the details " + DETAILS + " and no reason";
        }
        if (!details.get("device").equals(deviceId)) {
            return "checkpoint of device '" + details.get("device") + "', not " + deviceId;
        }
        if (!details.get("scheme").equals(identity.scheme().id())) {
            return "checkpoint signed with " + details.get("scheme") + ", the identity key is " + identity.scheme().id();
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(details.get("sig"));
        } catch (IllegalArgumentException e) {
            return "signature is not base64";
        }
        if (!Base64.getEncoder().encodeToString(signature).equals(details.get("sig"))) {
            return "signature is not in canonical base64";
        }
        SignatureCheck check = provider.verify(identity, statement(line), signature);
        return check == SignatureCheck.VALID ? null : "signature check: " + check;
    }
}
