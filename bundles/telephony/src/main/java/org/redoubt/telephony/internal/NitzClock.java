package org.redoubt.telephony.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.redoubt.telephony.NetworkTime;
import org.redoubt.telephony.TelephonyEvents;

/**
 * Network time from +CTZV reports: {@code +CTZV: <tz>} (quarters of an hour, e.g. {@code +32} is
 * UTC+8) or {@code +CTZV: <tz>,"yy/MM/dd,HH:mm:ss"} (the network's UTC time too, as some modems
 * report it). A report outside UTC-12..+14 is ignored.
 */
final class NitzClock {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yy/MM/dd,HH:mm:ss");

    private final TelephonyEventSink events;
    private final Clock clock;
    private volatile NetworkTime.Report latest;

    NitzClock(TelephonyEventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    Optional<NetworkTime.Report> latest() {
        return Optional.ofNullable(latest);
    }

    void onReport(String line) {
        List<String> values = AtReplies.parameters(line, "+CTZV:");
        if (values.isEmpty()) {
            return;
        }
        int quarters;
        try {
            quarters = Integer.parseInt(values.get(0).startsWith("+") ? values.get(0).substring(1) : values.get(0));
        } catch (NumberFormatException e) {
            return;
        }
        if (quarters < -48 || quarters > 56) {
            return;
        }
        Optional<Instant> utc = Optional.empty();
        if (values.size() >= 2) {
            try {
                utc = Optional.of(LocalDateTime.parse(values.get(1), TIME).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return;
            }
        }
        NetworkTime.Report report = new NetworkTime.Report(ZoneOffset.ofTotalSeconds(quarters * 15 * 60), utc,
                clock.instant());
        latest = report;
        Map<String, Object> properties = new HashMap<>();
        properties.put(TelephonyEvents.OFFSET_SECONDS, report.offset().getTotalSeconds());
        utc.ifPresent(time -> properties.put(TelephonyEvents.UTC_MILLIS, time.toEpochMilli()));
        events.post(TelephonyEvents.TIME, properties);
    }

    void reset() {
        latest = null;
    }
}
