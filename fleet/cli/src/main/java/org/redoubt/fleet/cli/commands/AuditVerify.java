package org.redoubt.fleet.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.redoubt.audit.chain.ChainBreak;
import org.redoubt.audit.chain.ChainReport;
import org.redoubt.audit.chain.ChainVerifier;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.audit.AuditIdentity;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet audit verify}: does a device's audit log hold together, and where does it break first? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a handset's audit log end to end and name its first broken entry.",
            "Every line must be the canonical form of an entry, sequence numbers must follow without gaps,",
            "each entry's prev must be the hash of the line before, and each checkpoint must be signed by the",
            "device's identity key. With --checkpoint (the handset's audit/checkpoint, or the collector's",
            "FILE.checkpoint) a log that ends before the device's latest signed checkpoint is TRUNCATED.",
            "Exit 0 when intact, 1 at the first broken entry (reason MALFORMED, SEQUENCE_GAP, BROKEN_LINK,",
            "BAD_SIGNATURE, TRUNCATED or CHECKPOINT_MISMATCH, with its sequence and line number)."})
final class AuditVerify implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Option(names = "--log", required = true, paramLabel = "FILE", description = "The audit log (the handset's audit/log, or a collected one).")
    private Path log;

    @Option(names = "--identity", required = true, paramLabel = "PEM",
            description = "The handset's keys/device.csr, or a certificate for its identity key: the device id and the key that signs checkpoints.")
    private Path identity;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "The latest checkpoint kept beside the log.")
    private Path checkpoint;

    AuditVerify(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        AuditIdentity device = AuditIdentity.read(identity, tool.provider());
        ChainReport report = new ChainVerifier(tool.provider(), device.deviceId(), device.key())
                .verify(read(log), checkpoint == null ? Optional.empty() : Optional.of(read(checkpoint)));
        JsonObject.Builder json = JsonObject.builder().put("device", device.deviceId()).put("intact", report.intact())
                .put("entries", report.entries()).put("lastCheckpoint", report.lastCheckpoint())
                .put("unsigned", report.unsigned());
        if (report.firstBreak().isPresent()) {
            ChainBreak broken = report.firstBreak().get();
            json.put("firstBreak", JsonObject.builder().put("sequence", broken.sequence()).put("line", broken.line())
                    .put("reason", broken.reason().name()).put("detail", broken.detail()).build());
            return output.fail(json.build(), "audit log of " + device.deviceId() + " broken at " + broken.describe());
        }
        String signed = report.lastCheckpoint() == 0 ? "no checkpoint yet"
                : "signed through entry " + report.lastCheckpoint();
        return output.print(json.build(), "intact: " + report.entries() + " entries of " + device.deviceId() + ", "
                + signed + (report.unsigned() > 0 ? ", " + report.unsigned() + " after it not signed yet" : ""));
    }

    private static byte[] read(Path file) throws FleetException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FleetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
