package org.redoubt.itests.rogue;

import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.ServiceReference;

/**
 * The rogue's declarative-services side ({@code OSGI-INF/rogue.xml}): optional dynamic references
 * to the modem and the keypad, so that SCR looks for them on the rogue's behalf. Counts what SCR
 * bound; {@link Rogue} reports it.
 */
public final class ScrRogue {

    /** Modem services SCR bound, over the bundle's life. */
    static final AtomicInteger MODEM = new AtomicInteger();
    /** Keypad services SCR bound, over the bundle's life. */
    static final AtomicInteger KEYPAD = new AtomicInteger();

    /** @param reference a modem service SCR found */
    public void bindModem(ServiceReference<?> reference) {
        MODEM.incrementAndGet();
    }

    /** @param reference a modem service that went away */
    public void unbindModem(ServiceReference<?> reference) {
        // counted when bound
    }

    /** @param reference a keypad service SCR found */
    public void bindKeypad(ServiceReference<?> reference) {
        KEYPAD.incrementAndGet();
    }

    /** @param reference a keypad service that went away */
    public void unbindKeypad(ServiceReference<?> reference) {
        // counted when bound
    }
}
