package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The topic filter rules of MQTT 5.0 section 4.7, including the cases Paho 1.2.5's matcher gets wrong. */
class TopicFilterTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "redoubt/v1/devices/a/release, redoubt/v1/devices/a/release, true",
        "redoubt/v1/devices/a/release, redoubt/v1/devices/b/release, false",
        "redoubt/v1/devices/a/release, redoubt/v1/devices/a/release/x, false",
        "redoubt/v1/blobs/ab12/#, redoubt/v1/blobs/ab12/0, true",
        "redoubt/v1/blobs/ab12/#, redoubt/v1/blobs/ab12/3/x, true",
        "redoubt/v1/blobs/ab12/#, redoubt/v1/blobs/ab12, true",
        "redoubt/v1/blobs/ab12/#, redoubt/v1/blobs/ab123/0, false",
        "redoubt/v1/blobs/ab12/#, redoubt/v1/blobs, false",
        "redoubt/v1/+/a/release, redoubt/v1/devices/a/release, true",
        "redoubt/v1/+/a/release, redoubt/v1/devices/x/a/release, false",
        "a/+, a/, true",
        "a/+, a, false",
        "a/+/#, a/b, true",
        "+/+, /x, true",
        "#, a/b/c, true",
        "#, $SYS/broker, false",
        "+/broker, $SYS/broker, false",
        "$SYS/#, $SYS/broker, true",
        "a/b, a/b/, false",
        "a/b, A/b, false",
    })
    void matchesAsMqttSays(String filter, String topic, boolean matches) {
        TopicFilter.validate(filter);
        assertEquals(matches, TopicFilter.matches(filter, topic));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/#/b", "a/b#", "a+/b", "a/+b", "#/", "a/\u0000"})
    void refusesWhatIsNotAFilter(String filter) {
        assertThrows(IllegalArgumentException.class, () -> TopicFilter.validate(filter));
    }
}
