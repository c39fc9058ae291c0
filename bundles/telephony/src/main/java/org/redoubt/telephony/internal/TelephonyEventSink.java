package org.redoubt.telephony.internal;

import java.util.Map;

/** Where telephony posts its events (Event Admin in the framework). */
@FunctionalInterface
interface TelephonyEventSink {

    /**
     * @param topic      a {@link org.redoubt.telephony.TelephonyEvents} topic
     * @param properties the event's properties
     */
    void post(String topic, Map<String, Object> properties);
}
