package org.redoubt.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.redoubt.itests.process.ManagedHandset.POLICY_TYPE;
import static org.redoubt.itests.process.ManagedHandset.policy;
import static org.redoubt.itests.process.ManagedHandset.sign;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redoubt.audit.chain.AuditLine;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.Role;

/**
 * Radio lockdown by signed policy, end to end: the production runtime on a real Mosquitto gets a
 * policy that disables Bluetooth and then one that allows it again. The radios driver stops
 * Bluetooth's driver and withdraws its service, then starts a new one (RadioLockdownTest shows the
 * service registry in a real framework doing so); here the audit log, which records each stop and
 * start as it happens, shows that the signed policies did it.
 */
class RadioLockdownIT {

    @Test
    void bluetoothOffByPolicyStopsItsDriverAndOnAgainStartsIt() throws Exception {
        Path work = Path.of(System.getProperty("redoubt.work", "target/work")).resolve(getClass().getSimpleName());
        VerifiedBootIT.deleteTree(work);
        Path data;
        try (ManagedHandset handset = new ManagedHandset(work, "operator-radios")) {
            data = handset.data();
            SigningKey policyKey = handset.key(Role.POLICY);
            Instant now = Instant.now();
            List<String> booted = bluetooth(data);
            assertEquals("DRIVER_ENABLED bluetooth", booted.get(booted.size() - 1), "the driver runs without a policy");

            apply(handset, sign(POLICY_TYPE, policy(2, handset.target(), "{\"radios\":{\"bluetooth\":\"DISABLED\"}}",
                    now), policyKey));
            awaitBluetooth(data, with(booted, "DRIVER_DISABLED bluetooth"));

            apply(handset, sign(POLICY_TYPE, policy(3, handset.target(), "{\"radios\":{\"bluetooth\":\"ALLOWED\"}}",
                    now), policyKey));
            awaitBluetooth(data, with(booted, "DRIVER_DISABLED bluetooth", "DRIVER_ENABLED bluetooth"));
            assertEquals(0, handset.stop(), "a clean stop");
        }
    }

    private static void apply(ManagedHandset handset, byte[] policy) throws Exception {
        assertEquals("APPLIED", handset.finalAck(handset.publish("policy", policy)).requireString("result"));
    }

    private static List<String> with(List<String> entries, String... more) {
        List<String> all = new ArrayList<>(entries);
        all.addAll(List.of(more));
        return all;
    }

    /** Config Admin hands the policy's radios configuration to the driver after the ack: waits for it. */
    private static void awaitBluetooth(Path data, List<String> expected) throws Exception {
        Await.until("the Bluetooth driver entries " + expected, Duration.ofSeconds(10),
                () -> bluetooth(data).equals(expected), () -> "the audit log has " + bluetoothOrProblem(data));
    }

    private static String bluetoothOrProblem(Path data) {
        try {
            return bluetooth(data).toString();
        } catch (Exception e) {
            return "no readable log: " + e;
        }
    }

    /** @return the audit log's driver entries for Bluetooth, oldest first */
    private static List<String> bluetooth(Path data) throws Exception {
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("audit/log"), StandardCharsets.UTF_8)) {
            AuditLine entry = AuditLine.parse(line.getBytes(StandardCharsets.UTF_8));
            if ("bluetooth".equals(entry.details().get("driver"))) {
                entries.add(entry.kind() + " bluetooth");
            }
        }
        return entries;
    }
}
