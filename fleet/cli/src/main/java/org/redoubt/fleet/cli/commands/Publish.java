package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DocumentFiles;
import org.redoubt.fleet.cli.documents.DocumentKind;
import org.redoubt.fleet.cli.mqtt.Ack;
import org.redoubt.fleet.cli.mqtt.BrokerSession;
import org.redoubt.fleet.cli.mqtt.Publication;
import org.redoubt.fleet.cli.mqtt.Topics;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleet publish}: a signed envelope to one device or the fleet. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a signed envelope to one device or the fleet.",
            "MQTT v5 over mutual TLS 1.3 with host name verification: policies and",
            "roots retained, commands not (and only to one device). --wait-ack waits for the device's ack of",
            "exactly these bytes (sha256 of the envelope); exit code 1 unless it is APPLIED or ALREADY_APPLIED."})
final class Publish implements Callable<Integer> {

    @Mixin
    private Output output;

    @Mixin
    private BrokerOptions brokerOptions;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Audience audience;

    @Option(names = "--kind", required = true, description = "policy, command or root")
    private DocumentKind kind;

    @Option(names = "--wait-ack", paramLabel = "SECONDS", description = "Wait this long for the device's ack.")
    private Integer waitAck;

    @Parameters(index = "0", paramLabel = "ENVELOPE", description = "The signed envelope.")
    private Path file;

    /** One device, or the whole fleet. */
    static final class Audience {
        @Option(names = "--device", required = true, description = "The device id.")
        String device;

        @Option(names = "--fleet", required = true, description = "The fleet topic (for groups, models, everyone).")
        boolean fleet;
    }

    @Override
    public Integer call() throws FleetException {
        byte[] envelope = DocumentFiles.read(file);
        kind.decode(envelope);
        Topics.delivery(kind, Optional.ofNullable(audience.device)); // refuses a command to the fleet before connecting
        if (waitAck != null && waitAck < 1) {
            throw new FleetException("--wait-ack is at least 1 second");
        }
        Publication.Outcome outcome;
        try (BrokerSession session = brokerOptions.connect()) {
            outcome = new Publication(session).publish(kind, Optional.ofNullable(audience.device), envelope,
                    Optional.ofNullable(waitAck).map(Duration::ofSeconds));
        }
        JsonObject.Builder json = JsonObject.builder()
                .put("topic", outcome.delivery().topic())
                .put("retained", outcome.delivery().retained())
                .put("envelope", outcome.digest());
        String text = "published " + kind.id() + " to " + outcome.delivery().topic()
                + (outcome.delivery().retained() ? " (retained)" : "") + ", envelope " + outcome.digest();
        if (waitAck == null) {
            return output.print(json.build(), text);
        }
        if (outcome.ack().isEmpty()) {
            return output.fail(json.putNull("ack").build(), "no ack from " + audience.device + " within " + waitAck + " s");
        }
        Ack ack = outcome.ack().get();
        json.put("ack", ack.json());
        return ack.applied() ? output.print(json.build(), text + "\nack: " + ack.describe())
                : output.fail(json.build(), "ack: " + ack.describe());
    }
}
