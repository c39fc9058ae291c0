package org.redoubt.crypto.documents.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.KeyId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.documents.Envelope;
import org.redoubt.crypto.documents.EnvelopeSignature;
import org.redoubt.crypto.documents.RoleKeys;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.Role;

/**
 * Counts the distinct keys of a role that validly signed an envelope. A signature whose key id
 * names no key of the role is ignored; a key that signs twice counts once; only
 * {@link SignatureCheck#VALID} counts.
 */
public final class ThresholdCounter {

    private ThresholdCounter() {
    }

    /**
     * @param envelope the envelope
     * @param root     the root naming the role's keys
     * @param role     the role
     * @param provider checks signatures
     * @return whether at least the role's threshold of distinct keys signed validly
     */
    public static boolean meets(Envelope envelope, TrustRoot root, Role role, CryptoProvider provider) {
        RoleKeys roleKeys = root.role(role);
        return count(envelope, root.keysOf(role), roleKeys.threshold(), provider) >= roleKeys.threshold();
    }

    /**
     * @param envelope the envelope
     * @param keys     the role's keys by key id
     * @param enough   stop counting once this many keys signed
     * @param provider checks signatures
     * @return how many distinct keys of {@code keys} signed validly (at most {@code enough})
     */
    public static int count(Envelope envelope, Map<KeyId, VerificationKey> keys, int enough, CryptoProvider provider) {
        byte[] pae = envelope.preAuthenticationEncoding();
        Set<KeyId> signed = new HashSet<>();
        for (EnvelopeSignature signature : envelope.signatures()) {
            if (signed.size() >= enough) {
                break;
            }
            VerificationKey key = keyFor(signature.keyId(), keys);
            if (key == null || signed.contains(key.keyId())) {
                continue;
            }
            if (provider.verify(key, pae, signature.signature()) == SignatureCheck.VALID) {
                signed.add(key.keyId());
            }
        }
        return signed.size();
    }

    private static VerificationKey keyFor(String hint, Map<KeyId, VerificationKey> keys) {
        if (!hint.matches("[0-9a-f]{64}")) {
            return null;
        }
        return keys.get(new KeyId(hint));
    }
}
