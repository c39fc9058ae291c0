package org.redoubt.telephony.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.redoubt.telephony.internal.DataRoamingGuard.Decision.ATTACH;
import static org.redoubt.telephony.internal.DataRoamingGuard.Decision.DETACH;
import static org.redoubt.telephony.internal.DataRoamingGuard.Decision.KEEP_DETACHED;
import static org.redoubt.telephony.internal.DataRoamingGuard.Decision.LET_BE;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.AtException;
import org.redoubt.driver.modem.AtResponse;
import org.redoubt.driver.modem.FinalResult;
import org.redoubt.driver.modem.UnsolicitedListener;
import org.redoubt.telephony.PacketData;
import org.redoubt.telephony.Registration;

/** The guard's rule on its own, and how it copes with a modem that fails it. */
class DataRoamingGuardTest {

    @Test
    void roamingWithoutDataRoamingDetachesUnlessDetachedAlready() {
        for (boolean held : new boolean[] {false, true}) {
            assertEquals(DETACH, DataRoamingGuard.decide(Registration.ROAMING, false, PacketData.ATTACHED, held));
            assertEquals(DETACH, DataRoamingGuard.decide(Registration.ROAMING, false, PacketData.UNKNOWN, held),
                    "a modem that does not say is told");
            assertEquals(KEEP_DETACHED, DataRoamingGuard.decide(Registration.ROAMING, false, PacketData.DETACHED, held),
                    "found detached while the rule wants it: telephony's own (a restart while roaming)");
        }
    }

    @Test
    void withDataRoamingAllowedOrAtHomeNothingIsTouchedThatTelephonyDidNotDetach() {
        for (Registration registration : Registration.values()) {
            for (PacketData modem : PacketData.values()) {
                assertEquals(LET_BE, DataRoamingGuard.decide(registration, true, modem, false), registration + " " + modem);
                if (registration != Registration.ROAMING) {
                    assertEquals(LET_BE, DataRoamingGuard.decide(registration, false, modem, false),
                            "someone else's detach stays: " + registration + " " + modem);
                }
            }
        }
    }

    @Test
    void telephonysDetachIsUndoneAtHomeOrWhenThePolicyAllowsRoaming() {
        assertEquals(ATTACH, DataRoamingGuard.decide(Registration.HOME, false, PacketData.DETACHED, true));
        assertEquals(ATTACH, DataRoamingGuard.decide(Registration.HOME, false, PacketData.UNKNOWN, true));
        assertEquals(ATTACH, DataRoamingGuard.decide(Registration.ROAMING, true, PacketData.DETACHED, true));
        assertEquals(ATTACH, DataRoamingGuard.decide(Registration.SEARCHING, true, PacketData.DETACHED, true));
        assertEquals(LET_BE, DataRoamingGuard.decide(Registration.HOME, false, PacketData.ATTACHED, true),
                "attached already (a modem reset): nothing to undo");
    }

    @Test
    void telephonysDetachHoldsWhileRegistrationIsLost() {
        for (Registration lost : List.of(Registration.SEARCHING, Registration.NOT_REGISTERED, Registration.DENIED,
                Registration.UNKNOWN)) {
            assertEquals(KEEP_DETACHED, DataRoamingGuard.decide(lost, false, PacketData.DETACHED, true), lost.name());
        }
    }

    @Test
    void aLostDetachAnswerIsStillUndoneAtHome() {
        ScriptedModem modem = new ScriptedModem();
        List<PacketData> reported = new ArrayList<>();
        Registration[] registration = {Registration.ROAMING};
        DataRoamingGuard guard = new DataRoamingGuard(modem.port(), () -> registration[0], reported::add,
                modem.logger(), false);
        modem.timeOut.add("AT+CGATT=0"); // the modem detaches but its answer never comes

        guard.enforce();
        assertEquals(false, modem.attached);
        assertEquals(List.of(), reported, "nothing known for sure");
        assertEquals(List.of("warn"), modem.logged);

        registration[0] = Registration.HOME;
        guard.enforce();
        assertEquals(true, modem.attached, "the detach was telephony's: undone");
        assertEquals(List.of(PacketData.ATTACHED), reported);
    }

    @Test
    void aModemWithoutCgattIsLoggedOnceAndNeverThrows() {
        ScriptedModem modem = new ScriptedModem();
        modem.unsupported = true;
        List<PacketData> reported = new ArrayList<>();
        DataRoamingGuard guard = new DataRoamingGuard(modem.port(), () -> Registration.ROAMING, reported::add,
                modem.logger(), false);
        guard.enforce();
        guard.enforce();
        assertEquals(List.of("warn", "debug"), modem.logged, "one warning, then quieter retries");
        assertEquals(List.of(), reported);

        guard.allow(true);
        guard.enforce();
        assertEquals(List.of("warn", "debug", "warn"), modem.logged, "AT+CGATT=1 refused too: its own warning");
        modem.unsupported = false;
        guard.enforce();
        assertEquals(List.of(PacketData.ATTACHED), reported);
    }

    @Test
    void withoutAModemNothingIsAsked() {
        ModemPort none = new ModemPort();
        List<PacketData> reported = new ArrayList<>();
        new DataRoamingGuard(none, () -> Registration.ROAMING, reported::add, TelephonyRig.LOGGER, false).enforce();
        assertEquals(List.of(), reported);
    }

    /** A modem that knows only +CGATT, can lose an answer, and records the log levels used. */
    private static final class ScriptedModem implements AtChannel {
        boolean attached = true;
        boolean unsupported;
        final List<String> timeOut = new ArrayList<>();
        final List<String> logged = new CopyOnWriteArrayList<>();

        ModemPort port() {
            ModemPort port = new ModemPort();
            port.use(this);
            return port;
        }

        Logger logger() {
            return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                    (proxy, method, args) -> {
                        if (Map.of("warn", 1, "debug", 1, "error", 1).containsKey(method.getName())) {
                            logged.add(method.getName());
                        }
                        return method.getReturnType() == boolean.class ? false : null;
                    });
        }

        @Override
        public AtResponse send(String command, Duration timeout) throws AtException {
            if (unsupported) {
                return new AtResponse(List.of(), FinalResult.parse("ERROR").orElseThrow());
            }
            List<String> information = new ArrayList<>();
            switch (command) {
                case "AT+CGATT?" -> information.add("+CGATT: " + (attached ? 1 : 0));
                case "AT+CGATT=0" -> attached = false;
                case "AT+CGATT=1" -> attached = true;
                default -> {
                    return new AtResponse(List.of(), FinalResult.parse("ERROR").orElseThrow());
                }
            }
            if (timeOut.remove(command)) {
                throw new AtException(AtException.Reason.TIMEOUT, "no answer to " + command, null);
            }
            return new AtResponse(information, FinalResult.parse("OK").orElseThrow());
        }

        @Override
        public AtResponse sendWithPayload(String command, String payload, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addUnsolicitedListener(UnsolicitedListener listener) {
        }

        @Override
        public void removeUnsolicitedListener(UnsolicitedListener listener) {
        }
    }
}
