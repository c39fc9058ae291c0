package org.redoubt.telephony.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.redoubt.driver.modem.AtResponse;
import org.redoubt.driver.modem.FinalResult;
import org.redoubt.telephony.Call;
import org.redoubt.telephony.CallState;
import org.redoubt.telephony.NetworkStatus;
import org.redoubt.telephony.SimState;
import org.redoubt.telephony.TelephonyEvents;
import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.TelephonyException.Reason;

/**
 * The call state machine. The modem's call list (+CLCC) is the truth: every call-related result
 * code (RING, +CLIP, +CCWA, NO CARRIER, BUSY, ...) and every call command makes the manager read
 * it again and post an event for each call that appeared, changed or ended. While an outgoing call
 * rings the list is polled, because a modem reports the other side answering with no result code.
 * Ended calls go to the call log; an incoming call from a restricted number is rejected at once.
 * Runs on the telephony thread; {@link #calls()} may be read from any thread.
 */
final class CallManager {

    /** How a finished call is written to the call log. */
    @FunctionalInterface
    interface CallLogWriter {
        void write(Call call, boolean connected, Instant start, Duration connectedFor);
    }

    /** What the manager remembers of a call beyond what +CLCC says. */
    private record Tracked(Call call, Instant start, Instant connectedAt) {
        Tracked with(Call next, Instant now) {
            Instant connected = connectedAt == null && next.state() == CallState.ACTIVE ? now : connectedAt;
            return new Tracked(next, start, connected);
        }
    }

    private final ModemPort modem;
    private final TelephonyEventSink events;
    private final Restrictions restrictions;
    private final Supplier<SimState> sim;
    private final Supplier<NetworkStatus> network;
    private final CallLogWriter callLog;
    private volatile boolean muted;
    private final Clock clock;
    private final Map<Integer, Tracked> tracked = new LinkedHashMap<>();
    private volatile List<Call> calls = List.of();

    CallManager(ModemPort modem, TelephonyEventSink events, Restrictions restrictions, Supplier<SimState> sim,
            Supplier<NetworkStatus> network, CallLogWriter callLog, Clock clock) {
        this.modem = modem;
        this.events = events;
        this.restrictions = restrictions;
        this.sim = sim;
        this.network = network;
        this.callLog = callLog;
        this.clock = clock;
    }

    List<Call> calls() {
        return calls;
    }

    /** @return whether a call is being set up (the list must be polled) */
    boolean settingUp() {
        return calls.stream().anyMatch(c -> c.state() == CallState.DIALING || c.state() == CallState.ALERTING);
    }

    Call dial(String number) throws TelephonyException {
        String target = Numbers.number(number);
        if (!modem.available()) {
            throw new TelephonyException(Reason.NO_MODEM, "no modem", null);
        }
        boolean emergency = restrictions.isEmergency(target);
        if (!emergency) {
            if (!restrictions.permits(Restrictions.Direction.OUTGOING_CALL, target)) {
                throw new TelephonyException(Reason.RESTRICTED, "calls to " + target + " are not allowed", null);
            }
            if (sim.get() != SimState.READY) {
                throw new TelephonyException(Reason.SIM_LOCKED, "the SIM is " + sim.get(), null);
            }
            if (!network.get().registered()) {
                throw new TelephonyException(Reason.NO_NETWORK, "not registered on a network", null);
            }
        }
        AtResponse response = modem.send("ATD" + target + ";");
        if (!response.isOk()) {
            refresh();
            throw ModemPort.refused("ATD", response.result());
        }
        List<Integer> before = new ArrayList<>(tracked.keySet());
        refresh();
        return calls.stream().filter(c -> !c.incoming() && !before.contains(c.id()) && c.number().equals(target))
                .findFirst().orElseThrow(() -> new TelephonyException(Reason.REFUSED,
                        "the modem accepted the call but does not list it", null));
    }

    /** @see org.redoubt.telephony.CallControl#mute */
    void mute(boolean mute) throws TelephonyException {
        if (calls.stream().noneMatch(call -> call.state() != CallState.ENDED)) {
            throw new TelephonyException(Reason.NO_SUCH_CALL, "no call in progress", null);
        }
        command("AT+CMUT=" + (mute ? 1 : 0));
        muted = mute;
    }

    /** @return whether the microphone is muted; calls ending unmute it */
    boolean muted() {
        return muted && calls.stream().anyMatch(call -> call.state() != CallState.ENDED);
    }

    void answer() throws TelephonyException {
        if (find(CallState.INCOMING).isPresent()) {
            command("ATA");
        } else if (find(CallState.WAITING).isPresent()) {
            command("AT+CHLD=2");
        } else {
            throw new TelephonyException(Reason.NO_SUCH_CALL, "no call is ringing", null);
        }
    }

    void reject() throws TelephonyException {
        Call ringing = find(CallState.INCOMING).or(() -> find(CallState.WAITING))
                .orElseThrow(() -> new TelephonyException(Reason.NO_SUCH_CALL, "no call is ringing", null));
        release(ringing.id());
    }

    void hangUp(int id) throws TelephonyException {
        if (!tracked.containsKey(id)) {
            throw new TelephonyException(Reason.NO_SUCH_CALL, "no call " + id, null);
        }
        release(id);
    }

    void hangUpAll() throws TelephonyException {
        command("ATH");
    }

    void holdAndSwap() throws TelephonyException {
        if (tracked.isEmpty()) {
            throw new TelephonyException(Reason.NO_SUCH_CALL, "no call to hold", null);
        }
        command("AT+CHLD=2");
    }

    void endActiveAndAccept() throws TelephonyException {
        if (find(CallState.ACTIVE).isEmpty()) {
            throw new TelephonyException(Reason.NO_SUCH_CALL, "no active call", null);
        }
        command("AT+CHLD=1");
    }

    /** Reads +CLCC and posts what changed. */
    void refresh() throws TelephonyException {
        AtResponse response = modem.require("AT+CLCC");
        Instant now = clock.instant();
        Map<Integer, Call> listed = new LinkedHashMap<>();
        for (String line : response.information()) {
            parse(line).ifPresent(call -> listed.put(call.id(), call));
        }
        calls = List.copyOf(listed.values()); // before the events: a listener that asks sees the new list
        if (calls.isEmpty()) {
            muted = false; // the modem unmutes when the last call ends
        }
        for (Integer id : new ArrayList<>(tracked.keySet())) { // ended first: a released call goes before the held one returns
            if (!listed.containsKey(id)) {
                end(tracked.remove(id), now);
            }
        }
        List<Call> rejectNow = new ArrayList<>();
        for (Call call : listed.values()) {
            Tracked known = tracked.get(call.id());
            if (known == null) {
                tracked.put(call.id(), new Tracked(call, now, call.state() == CallState.ACTIVE ? now : null));
                post(call);
                if (call.incoming() && !restrictions.permits(Restrictions.Direction.INCOMING_CALL, call.number())) {
                    rejectNow.add(call);
                }
            } else if (!known.call().equals(call)) {
                tracked.put(call.id(), known.with(call, now));
                post(call);
            }
        }
        for (Call call : rejectNow) {
            release(call.id());
        }
    }

    /** The modem went away: every call is over. */
    void reset() {
        Instant now = clock.instant();
        for (Tracked call : new ArrayList<>(tracked.values())) {
            end(call, now);
        }
        tracked.clear();
        calls = List.of();
    }

    private void end(Tracked call, Instant now) {
        Call ended = new Call(call.call().id(), call.call().number(), call.call().incoming(), CallState.ENDED,
                call.call().emergency());
        Duration connected = call.connectedAt() == null ? Duration.ZERO : Duration.between(call.connectedAt(), now);
        callLog.write(ended, call.connectedAt() != null, call.start(), connected); // before the event: a listener finds it
        post(ended);
    }

    private void release(int id) throws TelephonyException {
        command("AT+CHLD=1" + id);
    }

    private void command(String command) throws TelephonyException {
        AtResponse response = modem.send(command);
        refresh();
        if (!response.isOk()) {
            throw ModemPort.refused(command, response.result());
        }
    }

    private Optional<Call> find(CallState state) {
        return calls.stream().filter(c -> c.state() == state).findFirst();
    }

    /** {@code +CLCC: <id>,<dir>,<stat>,<mode>,<mpty>[,<number>,<type>]} (27.007 7.18). */
    Optional<Call> parse(String line) {
        List<String> values = AtReplies.parameters(line, "+CLCC:");
        if (values.size() < 5) {
            return Optional.empty();
        }
        int id = AtReplies.integer(values.get(0));
        CallState state = switch (AtReplies.integer(values.get(2))) {
            case 0 -> CallState.ACTIVE;
            case 1 -> CallState.HELD;
            case 2 -> CallState.DIALING;
            case 3 -> CallState.ALERTING;
            case 4 -> CallState.INCOMING;
            case 5 -> CallState.WAITING;
            default -> null;
        };
        if (id < 1 || state == null || AtReplies.integer(values.get(3)) != 0) {
            return Optional.empty(); // not a voice call
        }
        String number = values.size() > 5 ? values.get(5) : "";
        return Optional.of(new Call(id, number, values.get(1).equals("1"), state, restrictions.isEmergency(number)));
    }

    private void post(Call call) {
        events.post(TelephonyEvents.CALL, Map.of(TelephonyEvents.CALL_ID, call.id(), TelephonyEvents.NUMBER,
                call.number(), TelephonyEvents.CALL_STATE, call.state().name(), TelephonyEvents.INCOMING,
                call.incoming(), TelephonyEvents.EMERGENCY, call.emergency()));
    }

    static boolean isCallResult(String line) {
        return line.equals("RING") || line.startsWith("+CLIP:") || line.startsWith("+CCWA:")
                || line.equals("NO CARRIER") || line.equals("BUSY") || line.equals("NO ANSWER")
                || line.startsWith("CONNECT");
    }
}
