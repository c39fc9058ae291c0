package org.redoubt.fleet.cli.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.release.ReleaseState;

/**
 * A rollout as the operator sees it: every handset's retained status (for the release it runs)
 * and the release acks that handsets send while the board watches ({@value Topics#ALL_ACKS}).
 * Acks are not retained, so the board shows what arrives during its wait; it ends at the end of
 * the wait, or earlier once every handset that acked has reached a final state and nothing new
 * came for a quiet interval.
 */
public final class RolloutBoard {

    /** How long without a new message counts as "nothing more is coming now". */
    static final Duration QUIET = Duration.ofMillis(500);

    private final BrokerSession session;

    /** @param session the connected operator session */
    public RolloutBoard(BrokerSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * One handset in the rollout.
     *
     * @param device the device id
     * @param ack    its latest release ack seen (of the release asked for, or of its highest release)
     * @param status its retained status, when it has one
     */
    public record Row(String device, Optional<ReleaseAck> ack, Optional<DeviceStatus> status) {

        /** @return the release it runs, when its status says */
        public OptionalLong running() {
            return status.isPresent() ? status.get().release() : OptionalLong.empty();
        }

        boolean settled() {
            return ack.flatMap(ReleaseAck::state).map(ReleaseState::isFinal).orElse(false);
        }
    }

    /**
     * @param release only acks of this release number, or empty for each handset's highest
     * @param wait    the longest to watch
     * @return a row for every handset that has a status or acked, by device id
     * @throws FleetException when the broker refuses a subscription, or the wait is interrupted
     */
    public List<Row> collect(OptionalLong release, Duration wait) throws FleetException {
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        session.subscribe(Topics.ALL_STATUS, (topic, payload) -> Topics.deviceOf(topic, "status")
                .ifPresent(device -> arrivals.add(new Arrival(device, Optional.of(DeviceStatus.parse(device, payload)),
                        Optional.empty()))));
        session.subscribe(Topics.ALL_ACKS, (topic, payload) -> Topics.deviceOf(topic, "ack")
                .ifPresent(device -> ReleaseAck.parse(payload)
                        .filter(ack -> release.isEmpty() || ack.version().equals(release))
                        .ifPresent(ack -> arrivals.add(new Arrival(device, Optional.empty(), Optional.of(ack))))));
        Map<String, Row> rows = new TreeMap<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                boolean settled = !rows.isEmpty() && rows.values().stream()
                        .allMatch(row -> row.ack().isEmpty() || row.settled())
                        && rows.values().stream().anyMatch(row -> row.ack().isPresent());
                long slice = settled ? Math.min(left, QUIET.toNanos()) : left;
                Arrival arrival = slice <= 0 ? null : arrivals.poll(slice, TimeUnit.NANOSECONDS);
                if (arrival == null) {
                    break;
                }
                rows.put(arrival.device(), arrival.onto(rows.get(arrival.device())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException("interrupted while watching the rollout", e);
        }
        return new ArrayList<>(rows.values());
    }

    /** A status or an ack from one handset. */
    private record Arrival(String device, Optional<DeviceStatus> status, Optional<ReleaseAck> ack) {

        Row onto(Row row) {
            Optional<DeviceStatus> newStatus = status.isPresent() ? status : row == null ? Optional.empty() : row.status();
            Optional<ReleaseAck> previous = row == null ? Optional.empty() : row.ack();
            Optional<ReleaseAck> newAck = ack.isPresent() && (previous.isEmpty()
                    || number(ack.get()) >= number(previous.get())) ? ack : previous;
            return new Row(device, newAck, newStatus);
        }

        private static long number(ReleaseAck ack) {
            return ack.version().orElse(-1);
        }
    }
}
