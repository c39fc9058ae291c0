package org.redoubt.fleet.cli.commands;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.mqtt.BrokerSession;
import org.redoubt.fleet.cli.mqtt.ProgressBar;
import org.redoubt.fleet.cli.mqtt.ReleaseAck;
import org.redoubt.fleet.cli.mqtt.RolloutBoard;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet release status}: a rollout, one row per handset. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show a rollout as a table (or JSON): per handset the latest release ack's state, a progress",
            "bar while DOWNLOADING, the release it runs (from its retained status) and the reason of a failure.",
            "Acks are not retained: the table shows the acks that arrive during --wait, and the retained statuses."})
final class ReleaseStatus implements Callable<Integer> {

    private static final String ROW = "%-24s %-16s %-17s %-7s %-7s %s";

    @Mixin
    private Output output;

    @Mixin
    private BrokerOptions brokerOptions;

    @Option(names = "--release", paramLabel = "N", description = "Only acks of this release (default: each handset's highest).")
    private Long release;

    @Option(names = "--wait", defaultValue = "5", paramLabel = "SECONDS",
            description = {"The longest to watch (default ${DEFAULT-VALUE}); ends earlier once every handset that acked",
                "has reached COMMITTED, ROLLED_BACK or REJECTED and nothing more comes."})
    private int waitSeconds;

    @Override
    public Integer call() throws FleetException {
        if (waitSeconds < 1) {
            throw new FleetException("--wait is at least 1 second");
        }
        if (release != null && release < 1) {
            throw new FleetException("--release is at least 1");
        }
        List<RolloutBoard.Row> rows;
        try (BrokerSession session = brokerOptions.connect()) {
            rows = new RolloutBoard(session).collect(release == null ? OptionalLong.empty() : OptionalLong.of(release),
                    Duration.ofSeconds(waitSeconds));
        }
        return output.print(json(rows), table(rows));
    }

    /**
     * @param rows the rollout
     * @return the table for people
     */
    static String table(List<RolloutBoard.Row> rows) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, ROW, "DEVICE", "STATE", "PROGRESS", "RELEASE",
                "RUNNING", "REASON"));
        for (RolloutBoard.Row row : rows) {
            table.append('\n').append(String.format(Locale.ROOT, ROW, row.device(),
                    row.ack().map(ReleaseAck::result).orElse("-"),
                    row.ack().filter(ack -> ack.percent().isPresent())
                            .map(ack -> ProgressBar.of(ack.percent().getAsLong())).orElse("-"),
                    row.ack().filter(ack -> ack.version().isPresent())
                            .map(ack -> Long.toString(ack.version().getAsLong())).orElse("-"),
                    row.running().isPresent() ? Long.toString(row.running().getAsLong()) : "-",
                    row.ack().map(ReleaseAck::why).filter(why -> !why.isEmpty()).orElse("-")).stripTrailing());
        }
        if (rows.isEmpty()) {
            table.append("\n(no handset has reported)");
        }
        return table.toString();
    }

    private static JsonArray json(List<RolloutBoard.Row> rows) {
        JsonArray.Builder json = JsonArray.builder();
        for (RolloutBoard.Row row : rows) {
            JsonObject.Builder item = JsonObject.builder().put("device", row.device());
            row.status().ifPresent(status -> item.put("online", status.state()));
            if (row.running().isPresent()) {
                item.put("running", row.running().getAsLong());
            }
            row.ack().ifPresent(ack -> {
                item.put("state", ack.result());
                if (ack.version().isPresent()) {
                    item.put("release", ack.version().getAsLong());
                }
                ack.received().ifPresent(received -> item.put("received", received));
                ack.total().ifPresent(total -> item.put("total", total));
                ack.percent().ifPresent(percent -> item.put("percent", percent));
                ack.reason().ifPresent(reason -> item.put("reason", reason));
                ack.detail().ifPresent(detail -> item.put("detail", detail));
                if (!ack.at().isEmpty()) {
                    item.put("at", ack.at());
                }
            });
            json.add(item.build());
        }
        return json.build();
    }
}
