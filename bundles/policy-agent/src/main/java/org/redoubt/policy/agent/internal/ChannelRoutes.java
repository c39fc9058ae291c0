package org.redoubt.policy.agent.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.redoubt.channel.ChannelListener;

/**
 * Which listeners of other bundles want which topic filters of the shared session, and the
 * filters given up while the session was down (still held by the broker's persistent session, so
 * they are unsubscribed at the next connection). Touched only on the agent's thread; not
 * thread-safe.
 *
 * <p>A listener's failure is journalled and goes no further: the agent's thread and the other
 * listeners carry on.
 */
final class ChannelRoutes {

    private final Map<String, List<ChannelListener>> listeners = new LinkedHashMap<>();
    private final Set<String> abandoned = new LinkedHashSet<>();
    private final Consumer<String> journal;

    /** @param journal one line per listener failure; never a payload */
    ChannelRoutes(Consumer<String> journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /** Registers the listener for the filter (a listener may be registered more than once). */
    void add(String filter, ChannelListener listener) {
        listeners.computeIfAbsent(filter, f -> new ArrayList<>()).add(listener);
        abandoned.remove(filter);
    }

    /**
     * Removes one registration of the listener for the filter.
     *
     * @return whether no listener is left for the filter (the broker should unsubscribe it)
     */
    boolean remove(String filter, ChannelListener listener) {
        List<ChannelListener> registered = listeners.get(filter);
        if (registered == null || !removeOne(registered, listener)) {
            return false;
        }
        if (registered.isEmpty()) {
            listeners.remove(filter);
            return true;
        }
        return false;
    }

    /** Remembers a filter given up while the session was down. */
    void abandon(String filter) {
        abandoned.add(filter);
    }

    /** @return the filters given up while the session was down, forgotten by this call */
    List<String> takeAbandoned() {
        List<String> taken = List.copyOf(abandoned);
        abandoned.clear();
        return taken;
    }

    /** @return the filters that have listeners, in registration order */
    List<String> filters() {
        return List.copyOf(listeners.keySet());
    }

    /** @return whether {@code listener} is registered for {@code filter} */
    boolean has(String filter, ChannelListener listener) {
        List<ChannelListener> registered = listeners.get(filter);
        return registered != null && registered.stream().anyMatch(l -> l == listener);
    }

    /**
     * Hands a message to every listener whose filter matches its topic, each with its own copy of
     * the payload.
     *
     * @return whether any filter matched
     */
    boolean deliver(String topic, byte[] payload) {
        boolean matched = false;
        for (Map.Entry<String, List<ChannelListener>> route : List.copyOf(listeners.entrySet())) {
            if (TopicFilter.matches(route.getKey(), topic)) {
                matched = true;
                for (ChannelListener listener : List.copyOf(route.getValue())) {
                    safely(listener, "a message on " + topic, () -> listener.arrived(topic, payload.clone()));
                }
            }
        }
        return matched;
    }

    /** Tells every registered listener that the session is up and its subscription in place. */
    void connected() {
        for (Map.Entry<String, List<ChannelListener>> route : List.copyOf(listeners.entrySet())) {
            for (ChannelListener listener : List.copyOf(route.getValue())) {
                connected(route.getKey(), listener);
            }
        }
    }

    /** Tells one listener that its subscription to {@code filter} is in place. */
    void connected(String filter, ChannelListener listener) {
        safely(listener, "the connection of " + filter, listener::connected);
    }

    private void safely(ChannelListener listener, String what, Runnable call) {
        try {
            call.run();
        } catch (Exception | LinkageError | AssertionError e) {
            journal.accept("channel listener " + listener.getClass().getName() + " failed on " + what + ": " + e);
        }
    }

    private static boolean removeOne(List<ChannelListener> registered, ChannelListener listener) {
        for (int i = 0; i < registered.size(); i++) {
            if (registered.get(i) == listener) {
                registered.remove(i);
                return true;
            }
        }
        return false;
    }
}
