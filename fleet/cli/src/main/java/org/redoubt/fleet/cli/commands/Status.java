package org.redoubt.fleet.cli.commands;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.mqtt.BrokerSession;
import org.redoubt.fleet.cli.mqtt.DeviceStatus;
import org.redoubt.fleet.cli.mqtt.StatusBoard;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet status}: every handset's retained status. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Print every handset's last status as a table (or JSON).",
            "Read from the retained redoubt/v1/devices/+/status: state, policy version and state, compliance,",
            "last report time."})
final class Status implements Callable<Integer> {

    private static final String ROW = "%-24s %-8s %-7s %-8s %-9s %s";

    @Mixin
    private Output output;

    @Mixin
    private BrokerOptions brokerOptions;

    @Option(names = "--wait", defaultValue = "3", paramLabel = "SECONDS",
            description = "The longest to collect statuses (default ${DEFAULT-VALUE}); ends earlier once they stop coming.")
    private int waitSeconds;

    @Override
    public Integer call() throws FleetException {
        if (waitSeconds < 1) {
            throw new FleetException("--wait is at least 1 second");
        }
        List<DeviceStatus> statuses;
        try (BrokerSession session = brokerOptions.connect()) {
            statuses = new StatusBoard(session).collect(Duration.ofSeconds(waitSeconds));
        }
        JsonArray.Builder json = JsonArray.builder();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, ROW, "DEVICE", "STATE", "POLICY", "P-STATE",
                "COMPLIANT", "REPORTED"));
        for (DeviceStatus status : statuses) {
            JsonObject.Builder row = JsonObject.builder().put("device", status.device()).put("state", status.state());
            if (status.policyVersion().isPresent()) {
                row.put("policyVersion", status.policyVersion().getAsLong());
            }
            status.policyState().ifPresent(state -> row.put("policyState", state));
            status.compliant().ifPresent(compliant -> row.put("compliant", compliant));
            status.at().ifPresent(at -> row.put("at", at));
            if (status.release().isPresent()) {
                row.put("release", status.release().getAsLong());
            }
            json.add(row.build());
            table.append('\n').append(String.format(Locale.ROOT, ROW, status.device(), status.state(),
                    status.policyVersion().isPresent() ? Long.toString(status.policyVersion().getAsLong()) : "-",
                    status.policyState().orElse("-"), status.compliant().map(String::valueOf).orElse("-"),
                    status.at().orElse("-")));
        }
        if (statuses.isEmpty()) {
            table.append("\n(no handset has reported)");
        }
        return output.print(json.build(), table.toString());
    }
}
