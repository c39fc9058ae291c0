package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.redoubt.itests.process.ManagedHandset.COMMAND_TYPE;
import static org.redoubt.itests.process.ManagedHandset.POLICY_TYPE;
import static org.redoubt.itests.process.ManagedHandset.ROOT_TYPE;
import static org.redoubt.itests.process.ManagedHandset.command;
import static org.redoubt.itests.process.ManagedHandset.policy;
import static org.redoubt.itests.process.ManagedHandset.sign;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.audit.chain.ChainReport;
import org.redoubt.audit.chain.ChainVerifier;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.Role;
import org.redoubt.json.JsonNumber;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;
import org.redoubt.runtime.release.ReleaseVerifier;

/**
 * Every way the handset refuses a policy, a command, a trust root or a release leaves an entry in
 * its audit log with the reason code of the ack, written before the ack went out: the real
 * production runtime on a real Mosquitto, attacked over MQTT by an operator session, and its audit
 * log read back from the handset's data directory line by line.
 */
class EveryRejectionIsAuditedIT {

    private ManagedHandset handset;

    @Test
    void everyRejectionOfAPolicyACommandARootAndAReleaseIsAuditedWithItsReason() throws Exception {
        Path work = Path.of(System.getProperty("redoubt.work", "target/work")).resolve(getClass().getSimpleName());
        VerifiedBootIT.deleteTree(work);
        // What was refused, by envelope digest: the ack.
        Map<String, JsonObject> refused = new LinkedHashMap<>();
        try (ManagedHandset managed = new ManagedHandset(work, "operator-audit")) {
            handset = managed;
            SigningKey policyKey = handset.key(Role.POLICY);
            SigningKey commandKey = handset.key(Role.COMMAND);
            SigningKey releaseKey = handset.key(Role.RELEASE);
            Instant now = Instant.now();
            String me = handset.target();

            // Policies: two applied, then every attack on them.
            expect("policy", sign(POLICY_TYPE, policy(2, me, "{}", now), policyKey), "APPLIED", refused);
            expect("policy", sign(POLICY_TYPE, policy(3, me, "{\"radios\":{\"nfc\":\"DISABLED\"}}", now), policyKey),
                    "APPLIED", refused);
            expect("policy", sign(POLICY_TYPE, policy(2, me, "{}", now), policyKey), "ROLLBACK", refused);
            expect("policy", sign(POLICY_TYPE, policy(4, "{\"device\":\"handset-b\"}", "{}", now), policyKey),
                    "WRONG_TARGET", refused);
            expect("policy", sign(POLICY_TYPE, policy(4, me, "{}", now), releaseKey), "THRESHOLD_NOT_MET", refused);
            expect("policy", sign(POLICY_TYPE, policy(4, me, "{}", now.minus(Duration.ofDays(60))), policyKey),
                    "EXPIRED", refused);
            expect("policy", sign(POLICY_TYPE, policy(4, me, "{\"camera\":\"DISABLED\"}", now), policyKey),
                    "UNKNOWN_FIELD", refused);
            expect("policy", sign(COMMAND_TYPE, policy(4, me, "{}", now), policyKey), "WRONG_PAYLOAD_TYPE", refused);
            expect("policy", sign(POLICY_TYPE, "not json", policyKey), "MALFORMED_DOCUMENT", refused);
            expect("policy", ("{\"payloadType\":\"" + POLICY_TYPE + "\",\"payload\":\"!\",\"signatures\":[]}")
                    .getBytes(StandardCharsets.UTF_8), "MALFORMED_ENVELOPE", refused);
            byte[] huge = new byte[300_000];
            Arrays.fill(huge, (byte) '{');
            expect("policy", huge, "TOO_LARGE", refused);

            // Commands: one carried out, then replayed, mistargeted, expired and wrongly signed.
            byte[] lock = sign(COMMAND_TYPE, command(1, me, "LOCK", "00112233445566778899aabbccddeeff", now), commandKey);
            expect("command", lock, "APPLIED", refused);
            expect("command", lock, "REPLAYED", refused);
            expect("command", sign(COMMAND_TYPE, command(2, "{\"device\":\"handset-b\"}", "LOCK",
                    "10112233445566778899aabbccddeeff", now), commandKey), "WRONG_TARGET", refused);
            expect("command", sign(COMMAND_TYPE, command(3, me, "LOCK", "20112233445566778899aabbccddeeff",
                    now.minus(Duration.ofDays(3))), commandKey), "EXPIRED", refused);
            expect("command", sign(COMMAND_TYPE, command(4, me, "LOCK", "30112233445566778899aabbccddeeff", now),
                    policyKey), "THRESHOLD_NOT_MET", refused);

            // A trust root signed by a policy key alone.
            expect("root", sign(ROOT_TYPE, "{\"type\":\"redoubt.root\",\"version\":2,\"issuedAt\":\"" + now
                    + "\",\"expires\":\"" + now.plus(Duration.ofDays(9)) + "\",\"keys\":{},\"roles\":{}}", policyKey),
                    null, refused);

            // Releases: the factory release signed by a key that is no release key, and again as release 1.
            Path factory = work.resolve("factory");
            VerifiedBootIT.copyTree(RuntimeProcess.distribution("production").resolve("release"), factory);
            ReleaseSigning.sign(factory, document -> stamped(document, 5, now), policyKey);
            expect("release", Files.readAllBytes(factory.resolve(ReleaseVerifier.MANIFEST)), "REJECTED", refused);
            ReleaseSigning.sign(factory, document -> stamped(document, 1, now), releaseKey);
            expect("release", Files.readAllBytes(factory.resolve(ReleaseVerifier.MANIFEST)), null, refused);
            assertEquals(0, handset.stop(), "a clean stop");
        }
        Path data = handset.data();

        // Applying the policies restarted nothing: a restart of what holds the crypto suite (the
        // policy agent too) would lose the ack of the policy being applied.
        String log = Files.readString(data.resolve("log/redoubt.log"), StandardCharsets.UTF_8);
        assertTrue(!log.contains("release no longer ready"), "the release stayed ready while policies were applied:\n"
                + log.lines().filter(line -> line.contains("no longer ready")).toList());

        // The audit log, read back from the handset: one entry per refusal, with the ack's reason.
        List<AuditLine> entries = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("audit/log"), StandardCharsets.UTF_8)) {
            entries.add(AuditLine.parse(line.getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(16, refused.size(), "every attack was refused: " + refused.keySet());
        ChainReport chain = new ChainVerifier(ReleaseSigning.PROVIDER, handset.device(), handset.identity())
                .verify(Files.readAllBytes(data.resolve("audit/log")), Optional.of(Files.readAllBytes(
                        data.resolve("audit/checkpoint"))));
        assertTrue(chain.intact(), "the handset's chain verifies: " + chain);
        assertEquals(0, chain.unsigned(), "a clean stop signs the chain up to its last entry: " + chain);
        for (Map.Entry<String, JsonObject> refusal : refused.entrySet()) {
            JsonObject ack = refusal.getValue();
            Optional<AuditLine> entry = entries.stream()
                    .filter(line -> refusal.getKey().equals(line.details().get("envelope"))).reduce((a, b) -> b);
            assertTrue(entry.isPresent(), "no audit entry for " + ack + " in\n" + String.join("\n",
                    entries.stream().map(AuditLine::toString).toList()));
            assertTrue(entry.get().kind().endsWith("_REJECTED") || entry.get().kind().endsWith("_ROLLED_BACK"),
                    entry.get() + " for " + ack);
            assertEquals(ack.requireString("reason"), entry.get().reason(), entry.get() + " for " + ack);
        }
    }

    /**
     * Publishes to the handset's topic and waits for the final ack; a refusal is kept, and must
     * carry {@code reason} when one is named.
     */
    private void expect(String topic, byte[] envelope, String reason, Map<String, JsonObject> refused) throws Exception {
        String digest = handset.publish(topic, envelope);
        JsonObject ack = handset.finalAck(digest);
        String result = ack.requireString("result");
        if (result.equals("APPLIED") || result.equals("COMMITTED")) {
            assertEquals(reason, result, ack.toString());
            return;
        }
        assertTrue(List.of("REJECTED", "FAILED", "ROLLED_BACK").contains(result), ack.toString());
        if (reason != null && !reason.equals("REJECTED")) {
            assertEquals(reason, ack.requireString("reason"), ack.toString());
        }
        refused.put(digest, ack);
    }

    private static JsonObject stamped(JsonObject document, long number, Instant now) {
        JsonObject edited = ReleaseSigning.with(document, "version", JsonNumber.of(number));
        edited = ReleaseSigning.with(edited, "issuedAt", JsonString.of(now.minusSeconds(60).toString()));
        return ReleaseSigning.with(edited, "expires", JsonString.of(now.plus(Duration.ofDays(1)).toString()));
    }
}
