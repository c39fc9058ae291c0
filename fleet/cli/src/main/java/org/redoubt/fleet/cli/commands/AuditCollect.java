package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.audit.AuditFeed;
import org.redoubt.fleet.cli.audit.CollectedLog;
import org.redoubt.fleet.cli.mqtt.TlsIdentity;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet audit collect}: append what a handset shipped on its audit topic to a file. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect a handset's audit log from redoubt/v1/devices/ID/audit into FILE.",
            "The session is persistent (the broker keeps what arrives while no collector runs; use a",
            "certificate only the collector uses, since other fleet commands start clean sessions). Each",
            "entry is appended once, in sequence order, as the device's exact line; the latest checkpoint is",
            "also kept in FILE.checkpoint. A message is acknowledged to the broker only once its lines are in",
            "FILE. Stops once nothing new came for --idle seconds, or at --until."})
final class AuditCollect implements Callable<Integer> {

    @Mixin
    private Output output;

    @Mixin
    private BrokerOptions brokerOptions;

    @Option(names = "--device", required = true, paramLabel = "ID", description = "The handset's device id.")
    private String device;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The collected log (created, or continued).")
    private Path out;

    @Option(names = "--idle", defaultValue = "10", paramLabel = "SECONDS",
            description = "Stop when nothing new came for this long (default ${DEFAULT-VALUE}).")
    private int idleSeconds;

    @Option(names = "--until", defaultValue = "0", paramLabel = "SEQ", description = "Stop once the file holds this entry (0: no limit).")
    private long until;

    @Override
    public Integer call() throws FleetException {
        if (idleSeconds < 1 || brokerOptions.timeoutSeconds < 1) {
            throw new FleetException("--idle and --timeout are at least 1 second");
        }
        if (!device.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new FleetException("not a device id: " + device);
        }
        TlsIdentity identity = TlsIdentity.fromPem(brokerOptions.ca, brokerOptions.certificate, brokerOptions.key);
        try (CollectedLog log = CollectedLog.open(out);
                AuditFeed feed = AuditFeed.connect(brokerOptions.broker, identity, device,
                        Duration.ofSeconds(brokerOptions.timeoutSeconds))) {
            long start = log.last();
            // A message is acknowledged to the broker, in arrival order, only once all its lines
            // are in the file: lines that wait for a gap to fill are in memory only, and the broker
            // must send them again if this run ends before the gap is filled.
            Deque<Map.Entry<AuditFeed.Delivery, Long>> unacknowledged = new ArrayDeque<>();
            while (until == 0 || log.last() < until) {
                Optional<AuditFeed.Delivery> delivery = feed.next(Duration.ofSeconds(idleSeconds));
                if (delivery.isEmpty()) {
                    break;
                }
                unacknowledged.add(Map.entry(delivery.get(), log.add(delivery.get().payload())));
                while (!unacknowledged.isEmpty() && unacknowledged.peekFirst().getValue() <= log.last()) {
                    feed.stored(unacknowledged.pollFirst().getKey());
                }
            }
            JsonObject.Builder json = JsonObject.builder().put("device", device).put("from", start)
                    .put("last", log.last()).put("added", log.added()).put("duplicates", log.duplicates());
            SortedMap<Long, byte[]> waiting = log.waiting();
            if (!waiting.isEmpty()) {
                json.put("missing", JsonObject.builder().put("from", log.last() + 1).put("to", waiting.firstKey() - 1).build());
                return output.fail(json.build(), "entries " + (log.last() + 1) + ".." + (waiting.firstKey() - 1) + " of "
                        + device + " never arrived; " + waiting.size() + " later entries are not written");
            }
            return output.print(json.build(), "collected " + log.added() + " new entries of " + device + " into " + out
                    + " (now through entry " + log.last() + "; " + log.duplicates() + " repeated lines dropped)");
        }
    }
}
