package org.redoubt.telephony.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts concatenated messages together. Parts belong together when they have the same sender,
 * reference, reference width and part count; they may arrive in any order and more than once. A
 * message whose missing parts do not come within the timeout, or the oldest when more than
 * {@code maxPending} messages are incomplete, is given up on: {@link #expire()} hands it out with
 * {@value #MISSING} where parts are missing, so that nothing received is lost.
 *
 * <p>Each part carries a tag of the caller's, for example where the modem stored it, so the caller
 * can delete the parts once the message is kept. Thread-safe.
 *
 * @param <T> the tag's type
 * @since 1.0
 */
public final class Reassembler<T> {

    /** Stands for a part that never came. */
    public static final String MISSING = "[…]";

    /**
     * A whole message, or what arrived of one.
     *
     * @param originator the sender
     * @param text       the parts' text in order
     * @param sent       the first part's service-centre time stamp, when it has one
     * @param tags       the tags of every part received, duplicates included, in arrival order
     * @param complete   whether every part arrived
     * @param <T>        the tag's type
     */
    public record Assembled<T>(String originator, String text, Optional<OffsetDateTime> sent, List<T> tags,
            boolean complete) {

        /** Copies the tags. */
        public Assembled {
            Objects.requireNonNull(originator, "originator");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(sent, "sent");
            tags = List.copyOf(tags);
        }
    }

    private record Key(String originator, int reference, int total, boolean wide) {
    }

    /** The parts of one message so far. */
    private static final class Pending<T> {
        final TreeMap<Integer, SmsDeliver> parts = new TreeMap<>();
        final List<T> tags = new ArrayList<>();
        Instant lastPart;
    }

    private final Clock clock;
    private final Duration timeout;
    private final int maxPending;
    private final Map<Key, Pending<T>> pending = new LinkedHashMap<>();

    /**
     * @param clock      tells when parts arrive
     * @param timeout    how long after its latest part an incomplete message is given up on
     * @param maxPending how many incomplete messages are kept at most
     */
    public Reassembler(Clock clock, Duration timeout, int maxPending) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || maxPending < 1) {
            throw new IllegalArgumentException("a timeout of zero or more and at least one pending message");
        }
        this.maxPending = maxPending;
    }

    /**
     * @param part a received message or part
     * @param tag  the caller's tag for it
     * @return the whole message when this part completes it (a message of one part at once)
     */
    public synchronized Optional<Assembled<T>> offer(SmsDeliver part, T tag) {
        Optional<Concatenation> place = part.concatenation().filter(c -> c.total() > 1);
        if (place.isEmpty()) {
            return Optional.of(new Assembled<>(part.originator(), part.text(), part.sent(), List.of(tag), true));
        }
        Concatenation concatenation = place.get();
        Key key = new Key(part.originator(), concatenation.reference(), concatenation.total(),
                concatenation.wideReference());
        Pending<T> message = pending.computeIfAbsent(key, k -> new Pending<>());
        message.parts.putIfAbsent(concatenation.sequence(), part);
        message.tags.add(tag);
        message.lastPart = clock.instant();
        if (message.parts.size() < concatenation.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(assemble(key, message));
    }

    /**
     * @return the incomplete messages given up on now (timed out, or the oldest beyond the limit),
     *         oldest first
     */
    public synchronized List<Assembled<T>> expire() {
        List<Assembled<T>> expired = new ArrayList<>();
        Instant now = clock.instant();
        Iterator<Map.Entry<Key, Pending<T>>> entries = pending.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Key, Pending<T>> entry = entries.next();
            boolean timedOut = !entry.getValue().lastPart.plus(timeout).isAfter(now);
            if (timedOut || pending.size() > maxPending) {
                expired.add(assemble(entry.getKey(), entry.getValue()));
                entries.remove();
            }
        }
        return expired;
    }

    /** @return how many messages wait for parts */
    public synchronized int pending() {
        return pending.size();
    }

    private Assembled<T> assemble(Key key, Pending<T> message) {
        StringBuilder text = new StringBuilder();
        for (int sequence = 1; sequence <= key.total(); sequence++) {
            SmsDeliver part = message.parts.get(sequence);
            text.append(part != null ? part.text() : MISSING);
        }
        Optional<OffsetDateTime> sent = message.parts.firstEntry().getValue().sent();
        return new Assembled<>(key.originator(), text.toString(), sent, message.tags,
                message.parts.size() == key.total());
    }
}
