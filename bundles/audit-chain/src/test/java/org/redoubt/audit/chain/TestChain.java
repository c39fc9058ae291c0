package org.redoubt.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;

/** Writes small logs the way the handset does, with a real key of either suite. */
final class TestChain {

    static final String DEVICE = "handset-a";

    final CryptoProvider provider;
    final SigningKey key;
    final HashAlgorithm alg;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private byte[] checkpoint;
    private long sequence;
    private String prev = AuditLine.GENESIS;
    private Instant time = Instant.parse("2026-12-03T00:00:00.001Z");

    TestChain(CryptoProvider provider, Suite suite) {
        this.provider = provider;
        SignatureScheme scheme = suite.deviceKeyScheme();
        this.key = provider.generateSigningKey(scheme,
                scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE);
        this.alg = suite.hash();
    }

    TestChain entry(String kind, String reason, Map<String, String> details) {
        return write(AuditLine.of(++sequence, time = time.plusMillis(7), kind, reason, details, alg, prev));
    }

    TestChain checkpoint() {
        AuditLine unsigned = AuditLine.of(++sequence, time = time.plusMillis(7), AuditLine.CHECKPOINT, "",
                Map.of("device", DEVICE, "scheme", key.verificationKey().scheme().id(), "sig", ""), alg, prev);
        AuditLine signed = Checkpoints.sign(unsigned, key::sign);
        checkpoint = (signed + "\n").getBytes(StandardCharsets.UTF_8);
        return write(signed);
    }

    private TestChain write(AuditLine line) {
        byte[] bytes = line.bytes();
        log.writeBytes(bytes);
        log.write('\n');
        prev = LineHash.of(provider, alg, bytes);
        return this;
    }

    byte[] log() {
        return log.toByteArray();
    }

    byte[] checkpointFile() {
        return checkpoint.clone();
    }

    ChainVerifier verifier() {
        return new ChainVerifier(provider, DEVICE, key.verificationKey());
    }
}
