package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.ChainReport;
import org.redoubt.audit.chain.ChainVerifier;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;

/**
 * The production runtime's audit log across a kill -9 and a clean stop: each boot appends one
 * BOOT entry, the chain continues after the killed run, the clean stop signs it, and the whole
 * log verifies with the identity key of the handset's own {@code keys/device.csr}.
 */
class AuditLogIT {

    @TempDir
    Path work;

    @Test
    void theLogSurvivesKillNineAndVerifiesWithTheHandsetsIdentityKey() throws Exception {
        Path distribution = RuntimeProcess.distribution("production");
        Path data = work.resolve("data");
        try (RuntimeProcess first = RuntimeProcess.start(distribution, data)) {
            first.awaitReady();
            first.kill();
        }
        try (RuntimeProcess second = RuntimeProcess.start(distribution, data)) {
            second.awaitReady();
            assertEquals(0, second.terminate(), second.output());
        }

        byte[] log = Files.readAllBytes(data.resolve("audit/log"));
        List<String> lines = Files.readAllLines(data.resolve("audit/log"), StandardCharsets.UTF_8);
        long boots = lines.stream().filter(line -> line.contains("\"kind\":\"BOOT\"")).count();
        assertEquals(2, boots, String.join("\n", lines));
        AuditLine last = AuditLine.parse(lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8));
        assertTrue(last.isCheckpoint(), "a clean stop signs the log: " + last);
        assertEquals(lines.get(lines.size() - 1) + "\n", Files.readString(data.resolve("audit/checkpoint")));

        PKCS10CertificationRequest request;
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(data.resolve("keys/device.csr")))) {
            request = (PKCS10CertificationRequest) parser.readObject();
        }
        String deviceId = request.getSubject().getRDNs()[0].getFirst().getValue().toString();
        VerificationKey identity = VerificationKey.of(SignatureScheme.ECDSA_P256_SHA256,
                request.getSubjectPublicKeyInfo().getEncoded(), DistinguishingId.NONE);
        ChainReport report = new ChainVerifier(new BouncyCastleCryptoProvider(), deviceId, identity)
                .verify(log, Optional.of(Files.readAllBytes(data.resolve("audit/checkpoint"))));
        assertEquals(Optional.empty(), report.firstBreak());
        assertEquals(report.entries(), report.lastCheckpoint());
    }
}
