package org.redoubt.telephony.internal;

import java.util.Map;

import org.osgi.service.event.EventAdmin;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.store.CallLog;
import org.redoubt.store.MessageStore;

/**
 * Telephony outside the framework, for other modules' tests (the shell's): the component with its
 * defaults, bound to a channel and an Event Admin. Test code only.
 */
public final class TestTelephony {

    private TestTelephony() {
    }

    /**
     * @param channel  the modem's AT channel
     * @param events   where telephony's events go
     * @param messages where received messages are kept
     * @param callLog  where ended calls are written
     * @return the running component
     */
    public static TelephonyComponent start(AtChannel channel, EventAdmin events, MessageStore messages,
            CallLog callLog) {
        TelephonyComponent telephony = new TelephonyComponent(Converters.standardConverter().convert(Map.of())
                .to(TelephonyComponent.Config.class), TelephonyRig.LOGGER);
        telephony.bindEventAdmin(events);
        telephony.bindMessageStore(messages);
        telephony.bindCallLog(callLog);
        telephony.bindModem(channel);
        return telephony;
    }

    /** @param telephony a component from {@link #start}; it stops */
    public static void stop(TelephonyComponent telephony) {
        telephony.deactivate();
    }
}
