package org.redoubt.telephony.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.redoubt.driver.modem.AtResponse;
import org.redoubt.telephony.PacketData;
import org.redoubt.telephony.Registration;
import org.redoubt.telephony.TelephonyException;

/**
 * The one enforcement point of the signed policy's {@code dataRoaming} (PID
 * {@value TelephonyComponent#PID}, property {@code dataRoaming}, absent = allowed): while the modem
 * is registered roaming (27.007 +CREG stat 5) and data roaming is not allowed, the packet-domain
 * service is detached ({@code AT+CGATT=0}); when the handset is home again, or the policy allows
 * roaming again, it is attached again ({@code AT+CGATT=1}), but only when it was telephony that
 * held it detached. Voice calls and SMS are circuit-switched and not affected.
 *
 * <p>Each {@link #enforce()} asks the modem first ({@code AT+CGATT?}), so a modem that reset, a
 * telephony restart while roaming, or a detach whose answer was lost all end in the right state.
 * A detach found in place while the rule asks for one is taken as telephony's own, so that it is
 * undone when the handset is home. While held, the service stays detached when registration is
 * lost (searching, denied), so that a roaming registration never carries data before the guard
 * sees it. A failure is logged with its cause and retried at the next registration change or
 * watchdog round; it never stops telephony.
 *
 * <p>Runs on the telephony thread, except {@link #allow}, which any thread may call.
 */
final class DataRoamingGuard {

    /** What to do about the packet-domain service. */
    enum Decision {
        /** Send {@code AT+CGATT=0}; telephony holds the service detached. */
        DETACH,
        /** It is detached already; telephony holds it so. */
        KEEP_DETACHED,
        /** Send {@code AT+CGATT=1}; telephony lets go of it. */
        ATTACH,
        /** Nothing to do; telephony does not hold it. */
        LET_BE
    }

    private final ModemPort modem;
    private final Supplier<Registration> registration;
    private final Consumer<PacketData> report;
    private final Logger logger;
    private volatile boolean roamingAllowed;
    private boolean held; // telephony thread only: telephony detached the service and has not attached it again
    private String lastFailure; // telephony thread only: logged once at warning level

    /**
     * @param modem          the modem
     * @param registration   the current registration
     * @param report         told what the packet-domain service is after each check
     * @param logger         what happens
     * @param roamingAllowed the policy's {@code dataRoaming} at start
     */
    DataRoamingGuard(ModemPort modem, Supplier<Registration> registration, Consumer<PacketData> report, Logger logger,
            boolean roamingAllowed) {
        this.modem = modem;
        this.registration = registration;
        this.report = report;
        this.logger = logger;
        this.roamingAllowed = roamingAllowed;
    }

    /**
     * The rule, without the modem.
     *
     * @param registration   where the modem is registered
     * @param roamingAllowed the policy's {@code dataRoaming}
     * @param modem          what {@code AT+CGATT?} said ({@link PacketData#UNKNOWN} when it did not)
     * @param held           whether telephony holds the service detached
     * @return what to do
     */
    static Decision decide(Registration registration, boolean roamingAllowed, PacketData modem, boolean held) {
        if (registration == Registration.ROAMING && !roamingAllowed) {
            return modem == PacketData.DETACHED ? Decision.KEEP_DETACHED : Decision.DETACH;
        }
        if (!held || modem == PacketData.ATTACHED) {
            return Decision.LET_BE; // not telephony's detach, or someone (a modem reset) attached it already
        }
        return registration == Registration.HOME || roamingAllowed ? Decision.ATTACH : Decision.KEEP_DETACHED;
    }

    /** @param allowed the policy's {@code dataRoaming} from now on; call {@link #enforce()} after it */
    void allow(boolean allowed) {
        roamingAllowed = allowed;
    }

    /** @return the policy's {@code dataRoaming} */
    boolean roamingAllowed() {
        return roamingAllowed;
    }

    /** Asks the modem and applies the rule; logs a failure and leaves the rest for next time. */
    void enforce() {
        if (!modem.available()) {
            return;
        }
        Registration now = registration.get();
        Decision decision = null;
        try {
            PacketData state = attachment();
            decision = decide(now, roamingAllowed, state, held);
            switch (decision) {
                case DETACH -> {
                    held = true; // before the command: a lost answer must not leave a detach nobody undoes
                    modem.require("AT+CGATT=0");
                    logger.info("Roaming ({}) and data roaming is not allowed: mobile data detached", now);
                    state = PacketData.DETACHED;
                }
                case KEEP_DETACHED -> held = true;
                case ATTACH -> {
                    modem.require("AT+CGATT=1");
                    held = false;
                    logger.info("Mobile data attached again ({}, data roaming {})", now,
                            roamingAllowed ? "allowed" : "not allowed");
                    state = PacketData.ATTACHED;
                }
                case LET_BE -> held = false;
                default -> throw new IllegalStateException(decision.name());
            }
            lastFailure = null;
            report.accept(held && state != PacketData.ATTACHED ? PacketData.ROAMING_BLOCKED : state);
        } catch (TelephonyException e) {
            String failure = decision == null ? "Asking the modem for mobile data (AT+CGATT?) failed"
                    : decision == Decision.DETACH ? "Detaching mobile data while roaming (AT+CGATT=0) failed"
                    : "Attaching mobile data again (AT+CGATT=1) failed";
            if (failure.equals(lastFailure)) {
                logger.debug("{} again (retried at the next registration change or watchdog round): {}", failure,
                        e.getMessage(), e);
            } else {
                logger.warn("{} (retried at the next registration change or watchdog round): {}", failure,
                        e.getMessage(), e);
            }
            lastFailure = failure;
        }
    }

    /** {@code AT+CGATT?}: attached, detached, or unknown when the modem does not answer it. */
    private PacketData attachment() throws TelephonyException {
        AtResponse response = modem.send("AT+CGATT?");
        if (response.isOk()) {
            for (String line : response.information()) {
                int state = AtReplies.integer(AtReplies.parameters(line, "+CGATT:").stream().findFirst().orElse(""));
                if (state == 0 || state == 1) {
                    return state == 1 ? PacketData.ATTACHED : PacketData.DETACHED;
                }
            }
        }
        return PacketData.UNKNOWN;
    }
}
