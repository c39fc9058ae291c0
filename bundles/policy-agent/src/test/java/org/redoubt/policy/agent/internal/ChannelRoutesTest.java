package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redoubt.channel.ChannelListener;

/** The channel's routing table on its own: matching, copies, failures, and when a filter is given up. */
class ChannelRoutesTest {

    private final List<String> journal = new ArrayList<>();
    private final ChannelRoutes routes = new ChannelRoutes(journal::add);

    @Test
    void eachListenerGetsItsOwnCopy() {
        List<String> seen = new ArrayList<>();
        ChannelListener vandal = (topic, payload) -> payload[0] = 'X';
        ChannelListener reader = (topic, payload) -> seen.add(topic + "=" + new String(payload, StandardCharsets.UTF_8));
        routes.add("redoubt/v1/blobs/ab/#", vandal);
        routes.add("redoubt/v1/blobs/ab/#", reader);
        byte[] payload = "chunk".getBytes(StandardCharsets.UTF_8);

        assertTrue(routes.deliver("redoubt/v1/blobs/ab/0", payload));

        assertEquals(List.of("redoubt/v1/blobs/ab/0=chunk"), seen);
        assertEquals("chunk", new String(payload, StandardCharsets.UTF_8), "the link's own bytes are untouched");
        assertFalse(routes.deliver("redoubt/v1/blobs/cd/0", payload));
    }

    @Test
    void aFailingListenerIsJournalledAndTheOthersStillHearIt() {
        List<String> seen = new ArrayList<>();
        routes.add("t/#", (topic, payload) -> {
            throw new IllegalStateException("listener bug");
        });
        routes.add("t/#", (topic, payload) -> seen.add(topic));
        routes.add("t/+", new ChannelListener() {
            @Override
            public void arrived(String topic, byte[] payload) {
            }

            @Override
            public void connected() {
                throw new IllegalStateException("connected bug");
            }
        });

        assertTrue(routes.deliver("t/1", new byte[0]));
        routes.connected();

        assertEquals(List.of("t/1"), seen);
        assertEquals(2, journal.size(), journal.toString());
        assertTrue(journal.get(0).contains("t/1") && journal.get(0).contains("listener bug"), journal.get(0));
    }

    @Test
    void aFilterIsGivenUpWithItsLastListenerOnly() {
        ChannelListener one = (topic, payload) -> { };
        ChannelListener two = (topic, payload) -> { };
        routes.add("f", one);
        routes.add("f", two);
        routes.add("f", two);

        assertFalse(routes.remove("f", two));
        assertTrue(routes.has("f", two), "registered twice, closed once");
        assertFalse(routes.remove("f", one));
        assertFalse(routes.remove("f", one), "an unknown registration changes nothing");
        assertTrue(routes.remove("f", two));
        assertEquals(List.of(), routes.filters());
    }

    @Test
    void aFilterGivenUpOfflineIsForgottenWhenSubscribedAgain() {
        routes.abandon("a");
        routes.abandon("b");
        routes.add("b", (topic, payload) -> { });

        assertEquals(List.of("a"), routes.takeAbandoned());
        assertEquals(List.of(), routes.takeAbandoned());
    }
}
