package org.redoubt.fleet.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.Target;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.TrustedRoots;
import org.redoubt.fleet.cli.mqtt.BrokerSession;
import org.redoubt.fleet.cli.mqtt.ReleaseAck;
import org.redoubt.fleet.cli.mqtt.ReleasePublication;
import org.redoubt.fleet.cli.release.ReleaseCheck;
import org.redoubt.fleet.cli.release.ReleaseState;
import org.redoubt.json.JsonObject;
import org.redoubt.runtime.release.BundleDigest;
import org.redoubt.runtime.release.ReleaseBundle;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet release publish}: a release directory's files, then its manifest. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a release to one device, a group or the fleet over mutual TLS 1.3 MQTT.",
            "Every listed file first, retained QoS 1, in chunks of 65536 bytes on redoubt/v1/blobs/<sha256>/<index>;",
            "then the manifest envelope, retained QoS 1, on redoubt/v1/devices/<id>/release (--device) or",
            "redoubt/v1/fleet/release (--group, --fleet: the target is inside the signed manifest).",
            "The directory is checked first (every file's digest and size, the document, the expiry; with --root",
            "also the signatures). --wait-ack STATE waits for the device's acks of exactly this manifest until one",
            "reaches STATE or a later state; exit code 1 on ROLLED_BACK or REJECTED (with the reason) or no ack in time."})
final class ReleasePublish implements Callable<Integer> {

    private final Tool tool;

    @Spec
    private CommandSpec spec;

    @Mixin
    private Output output;

    @Mixin
    private BrokerOptions brokerOptions;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Audience audience;

    @Option(names = "--root", description = "Also check the signatures under this root before publishing.")
    private Path root;

    @Option(names = "--wait-ack", paramLabel = "STATE",
            description = "Wait for this state (e.g. DOWNLOADED, COMMITTED) in the device's acks; needs --device.")
    private ReleaseState waitAck;

    @Option(names = "--ack-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = {"The longest to wait for --wait-ack (default ${DEFAULT-VALUE}). --timeout is, as in every",
                "command, the wait for each broker answer."})
    private int ackTimeoutSeconds;

    @Parameters(index = "0", paramLabel = "RELEASE_DIR", description = "The release directory.")
    private Path directory;

    /** One device, a group, or the fleet. */
    static final class Audience {
        @Option(names = "--device", required = true, description = "The device id (redoubt/v1/devices/<id>/release).")
        String device;

        @Option(names = "--group", required = true,
                description = "A group (redoubt/v1/fleet/release); must be the manifest's target group.")
        String group;

        @Option(names = "--fleet", required = true,
                description = "The fleet topic for a release whose target names no device or group (a model).")
        boolean fleet;
    }

    ReleasePublish(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        if (waitAck != null && waitAck.failed()) {
            throw new FleetException("--wait-ack waits for a progress state up to COMMITTED, not " + waitAck);
        }
        if (waitAck != null && audience.device == null) {
            throw new FleetException("--wait-ack needs --device: acks come per device (see 'fleet release status')");
        }
        if (ackTimeoutSeconds < 1) {
            throw new FleetException("--ack-timeout is at least 1 second");
        }
        ReleaseCheck.Accepted release = checked();
        requireAudienceFits(release.header().target());
        List<ReleasePublication.Blob> blobs = new ArrayList<>();
        for (ReleaseBundle bundle : release.manifest().bundles()) {
            if (!BundleDigest.SHA256.equals(bundle.digest().algorithm())) {
                throw new FleetException(bundle.displayName() + ": files travel addressed by sha256, not "
                        + bundle.digest().algorithm());
            }
            blobs.add(new ReleasePublication.Blob(bundle.digest().toString().substring(BundleDigest.SHA256.length() + 1),
                    release.release().content(bundle)));
        }
        Optional<ReleasePublication.Wait> wait = Optional.ofNullable(waitAck)
                .map(state -> new ReleasePublication.Wait(audience.device, state, Duration.ofSeconds(ackTimeoutSeconds)));
        PrintWriter out = spec.commandLine().getOut();
        List<ReleaseAck> seen = new ArrayList<>();
        ReleasePublication.Outcome outcome;
        try (BrokerSession session = brokerOptions.connect()) {
            outcome = new ReleasePublication(session).publish(blobs, release.envelope(),
                    Optional.ofNullable(audience.device), wait, ack -> {
                        seen.add(ack);
                        if (!output.json()) {
                            out.println("ack: " + ack.describe());
                            out.flush();
                        }
                    });
        }
        JsonObject.Builder json = JsonObject.builder()
                .put("release", release.manifest().release())
                .put("topic", outcome.delivery().topic())
                .put("retained", outcome.delivery().retained())
                .put("envelope", outcome.digest())
                .put("files", (long) outcome.files())
                .put("chunks", (long) outcome.chunks())
                .put("bytes", outcome.bytes());
        String text = "published release " + release.manifest().release() + ": " + outcome.files() + " files in "
                + outcome.chunks() + " chunks (" + outcome.bytes() + " bytes, retained), manifest to "
                + outcome.delivery().topic() + " (retained), envelope " + outcome.digest();
        if (wait.isEmpty()) {
            return output.print(json.build(), text);
        }
        if (outcome.ack().isEmpty()) {
            json.putNull("ack");
            return output.fail(json.build(), "no ack from " + audience.device + " reaching " + waitAck + " within "
                    + ackTimeoutSeconds + " s" + (seen.isEmpty() ? "" : "; last: " + seen.get(seen.size() - 1).describe()));
        }
        ReleaseAck ack = outcome.ack().get();
        json.put("ack", ack.json());
        boolean failed = ack.state().map(ReleaseState::failed).orElse(true);
        return failed ? output.fail(json.build(), "ack: " + ack.describe()) : output.print(json.build(), text);
    }

    private ReleaseCheck.Accepted checked() throws FleetException {
        byte[] envelope = ReleaseCheck.readEnvelope(directory);
        ReleaseCheck check = new ReleaseCheck(tool.provider());
        ReleaseCheck.Outcome outcome = root == null ? check.checkDocument(directory, envelope, tool.now())
                : check.verify(directory, envelope, TrustedRoots.load(root, tool.provider()),
                        new DeviceIdentity(audience.device == null ? "" : audience.device, "", ""), tool.now());
        if (outcome instanceof ReleaseCheck.Refused refused) {
            throw new FleetException("refusing to publish: " + refused.describe());
        }
        return (ReleaseCheck.Accepted) outcome;
    }

    private void requireAudienceFits(Target target) throws FleetException {
        if (audience.device != null) {
            if (target.device().isPresent() && !target.device().get().equals(audience.device)) {
                throw new FleetException("the release is for device " + target.device().get() + ", not "
                        + audience.device);
            }
            return;
        }
        if (target.device().isPresent()) {
            throw new FleetException("the release is for device " + target.device().get() + ": publish it with --device");
        }
        if (audience.group != null && !target.group().map(audience.group::equals).orElse(false)) {
            throw new FleetException("the release's target is " + target.key() + ", not group " + audience.group);
        }
        if (audience.fleet && target.group().isPresent()) {
            throw new FleetException("the release is for group " + target.group().get() + ": publish it with --group");
        }
    }
}
