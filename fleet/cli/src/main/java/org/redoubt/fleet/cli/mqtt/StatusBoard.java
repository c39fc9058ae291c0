package org.redoubt.fleet.cli.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.redoubt.fleet.cli.FleetException;

/**
 * The fleet's retained statuses, collected from {@value Topics#ALL_STATUS}. The broker sends every
 * retained status right after the subscription; MQTT has no "that was all" marker, so collecting
 * ends when no status came for a quiet interval, or at the latest after the wait the operator gave.
 */
public final class StatusBoard {

    /** How long without a new status counts as "the retained ones have all arrived". */
    static final Duration QUIET = Duration.ofMillis(500);

    private final BrokerSession session;

    /** @param session the connected operator session */
    public StatusBoard(BrokerSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * @param wait the longest to collect
     * @return the latest status of every handset that has one, by device id
     * @throws FleetException when the broker refuses the subscription
     */
    public List<DeviceStatus> collect(Duration wait) throws FleetException {
        Map<String, DeviceStatus> latest = new ConcurrentHashMap<>();
        BlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
        session.subscribe(Topics.ALL_STATUS, (topic, payload) -> {
            Optional<String> device = Topics.deviceOfStatus(topic);
            if (device.isPresent()) {
                latest.put(device.get(), DeviceStatus.parse(device.get(), payload));
                arrivals.add(device.get());
            }
        });
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || arrivals.poll(Math.min(left, QUIET.toNanos()), TimeUnit.NANOSECONDS) == null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while collecting statuses", e);
        }
        List<DeviceStatus> statuses = new ArrayList<>(latest.values());
        statuses.sort(Comparator.comparing(DeviceStatus::device));
        return statuses;
    }
}
