package org.redoubt.crypto.documents.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

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
     * @param checks   runs signature checks besides the caller's thread (see {@link #count})
     * @return whether at least the role's threshold of distinct keys signed validly
     */
    public static boolean meets(Envelope envelope, TrustRoot root, Role role, CryptoProvider provider, Executor checks) {
        RoleKeys roleKeys = root.role(role);
        return count(envelope, root.keysOf(role), roleKeys.threshold(), provider, checks) >= roleKeys.threshold();
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
        byte[] pae = envelope.preAuthenticationEncoding();
        return countInTurn(candidates(envelope, root.keysOf(role)), pae, roleKeys.threshold(), provider)
                >= roleKeys.threshold();
    }

    /**
     * Checks the signatures whose key id names a key of {@code keys}. With one such signature, or
     * when one key is enough, they are checked one after the other until {@code enough} keys
     * signed. Otherwise the first is checked on the caller's thread while the others run on
     * {@code checks}, so that a k-of-n document costs about one signature check of wall time on a
     * multi-core handset; all of them are then checked. An executor that refuses work (shut down)
     * leaves its checks to the caller's thread.
     *
     * @param envelope the envelope
     * @param keys     the role's keys by key id
     * @param enough   stop counting once this many keys signed
     * @param provider checks signatures
     * @param checks   where the checks besides the first run
     * @return how many distinct keys of {@code keys} signed validly (at most {@code enough})
     */
    public static int count(Envelope envelope, Map<KeyId, VerificationKey> keys, int enough, CryptoProvider provider,
            Executor checks) {
        byte[] pae = envelope.preAuthenticationEncoding();
        List<Candidate> candidates = candidates(envelope, keys);
        if (candidates.size() < 2 || enough < 2) {
            return countInTurn(candidates, pae, enough, provider);
        }
        List<CompletableFuture<Boolean>> running = new ArrayList<>(candidates.size());
        running.add(null);
        for (Candidate candidate : candidates.subList(1, candidates.size())) {
            running.add(submit(() -> candidate.validFor(pae, provider), checks));
        }
        Set<KeyId> signed = new HashSet<>();
        for (int index = 0; index < candidates.size(); index++) {
            boolean valid = index == 0 ? candidates.get(0).validFor(pae, provider) : join(running.get(index));
            if (valid && signed.size() < enough) {
                signed.add(candidates.get(index).key.keyId());
            }
        }
        return signed.size();
    }

    /**
     * @param envelope the envelope
     * @param keys     the role's keys by key id
     * @param provider checks signatures
     * @return every key of {@code keys} with a valid signature on the envelope
     */
    public static Set<KeyId> validSigners(Envelope envelope, Map<KeyId, VerificationKey> keys, CryptoProvider provider) {
        byte[] pae = envelope.preAuthenticationEncoding();
        Set<KeyId> signed = new java.util.TreeSet<>(java.util.Comparator.comparing(KeyId::toString));
        for (Candidate candidate : candidates(envelope, keys)) {
            if (!signed.contains(candidate.key.keyId()) && candidate.validFor(pae, provider)) {
                signed.add(candidate.key.keyId());
            }
        }
        return signed;
    }

    /** The signatures whose key id names one of {@code keys}, in the envelope's order. */
    private static List<Candidate> candidates(Envelope envelope, Map<KeyId, VerificationKey> keys) {
        List<Candidate> candidates = new ArrayList<>();
        for (EnvelopeSignature signature : envelope.signatures()) {
            VerificationKey key = keyFor(signature.keyId(), keys);
            if (key != null) {
                candidates.add(new Candidate(key, signature.signature()));
            }
        }
        return candidates;
    }

    private static int countInTurn(List<Candidate> candidates, byte[] pae, int enough, CryptoProvider provider) {
        Set<KeyId> signed = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (signed.size() >= enough) {
                break;
            }
            if (!signed.contains(candidate.key.keyId()) && candidate.validFor(pae, provider)) {
                signed.add(candidate.key.keyId());
            }
        }
        return signed.size();
    }

    private static CompletableFuture<Boolean> submit(Supplier<Boolean> check, Executor checks) {
        try {
            return CompletableFuture.supplyAsync(check, checks);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(check.get());
        }
    }

    private static boolean join(CompletableFuture<Boolean> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record Candidate(VerificationKey key, byte[] signature) {
        boolean validFor(byte[] pae, CryptoProvider provider) {
            return provider.verify(key, pae, signature) == SignatureCheck.VALID;
        }
    }

    private static VerificationKey keyFor(String hint, Map<KeyId, VerificationKey> keys) {
        if (!hint.matches("[0-9a-f]{64}")) {
            return null;
        }
        return keys.get(new KeyId(hint));
    }
}
