package org.redoubt.telephony.internal;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.internal.BenchChannels;
import org.redoubt.driver.modem.simulator.ModemSimulator;
import org.redoubt.driver.modem.simulator.SimulatorServer;
import org.redoubt.telephony.CallState;
import org.redoubt.telephony.TelephonyEvents;

/**
 * From the simulator ringing to the incoming-call event, against a baseline in the same run: the
 * raw AT channel's RING reaching its listener over the same TCP connection type. The difference
 * is telephony's own work: its thread, the +CLCC round trip, the state machine, the event.
 * Prints p50, p99 and max of each, and the ratios. Usage: {@code RingLatencyBench [rounds]}.
 */
public final class RingLatencyBench {

    private static final Logger SILENT = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);

    private RingLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmup = Math.max(100, rounds / 5);
        long[] baseline = baseline(warmup, rounds);
        long[] telephony = telephony(warmup, rounds);
        System.out.println("rounds: " + rounds + " (after " + warmup + " warm-up rounds each)");
        System.out.printf(Locale.ROOT, "%-38s %10s %10s %10s%n", "series", "p50 ms", "p99 ms", "max ms");
        print("baseline: RING at the AT channel", baseline);
        print("telephony: INCOMING call event", telephony);
        System.out.printf(Locale.ROOT, "ratio telephony / baseline: p50 %.2fx, p99 %.2fx%n",
                (double) percentile(telephony, 50) / percentile(baseline, 50),
                (double) percentile(telephony, 99) / percentile(baseline, 99));
    }

    private static long[] baseline(int warmup, int rounds) throws Exception {
        ModemSimulator simulator = new ModemSimulator();
        try (SimulatorServer server = new SimulatorServer(simulator, 0)) {
            AtChannel channel = BenchChannels.tcp(server.port());
            BlockingQueue<Long> rings = new LinkedBlockingQueue<>();
            channel.addUnsolicitedListener(result -> {
                if (result.line().equals("RING")) {
                    rings.add(System.nanoTime());
                }
            });
            channel.send("ATE0", Duration.ofSeconds(5));
            channel.send("AT+CPIN=\"1234\"", Duration.ofSeconds(5));
            long[] samples = new long[rounds];
            for (int i = 0; i < warmup + rounds; i++) {
                long start = System.nanoTime();
                simulator.incomingCall("+4930" + i);
                Long seen = rings.poll(5, TimeUnit.SECONDS);
                if (seen == null) {
                    throw new IllegalStateException("no RING in round " + i);
                }
                if (i >= warmup) {
                    samples[i - warmup] = seen - start;
                }
                channel.send("ATH", Duration.ofSeconds(5));
            }
            BenchChannels.close(channel);
            return samples;
        }
    }

    private static long[] telephony(int warmup, int rounds) throws Exception {
        ModemSimulator simulator = new ModemSimulator();
        try (SimulatorServer server = new SimulatorServer(simulator, 0)) {
            AtChannel channel = BenchChannels.tcp(server.port());
            BlockingQueue<Long> incoming = new LinkedBlockingQueue<>();
            BlockingQueue<Boolean> modem = new LinkedBlockingQueue<>();
            TelephonyComponent telephony = new TelephonyComponent(Converters.standardConverter().convert(Map.of())
                    .to(TelephonyComponent.Config.class), SILENT, Duration.ofSeconds(5));
            telephony.bindEventAdmin(new EventAdmin() {
                @Override
                public void postEvent(Event event) {
                    long now = System.nanoTime();
                    if (event.getTopic().equals(TelephonyEvents.CALL)
                            && CallState.INCOMING.name().equals(event.getProperty(TelephonyEvents.CALL_STATE))) {
                        incoming.add(now);
                    } else if (event.getTopic().equals(TelephonyEvents.MODEM)) {
                        modem.add((Boolean) event.getProperty(TelephonyEvents.AVAILABLE));
                    }
                }

                @Override
                public void sendEvent(Event event) {
                    postEvent(event);
                }
            });
            telephony.bindModem(channel);
            if (!Boolean.TRUE.equals(modem.poll(10, TimeUnit.SECONDS))) {
                throw new IllegalStateException("telephony did not set the modem up");
            }
            telephony.enterPin("1234");
            long[] samples = new long[rounds];
            for (int i = 0; i < warmup + rounds; i++) {
                long start = System.nanoTime();
                simulator.incomingCall("+4930" + i);
                Long seen = incoming.poll(5, TimeUnit.SECONDS);
                if (seen == null) {
                    throw new IllegalStateException("no incoming-call event in round " + i);
                }
                if (i >= warmup) {
                    samples[i - warmup] = seen - start;
                }
                telephony.hangUpAll();
            }
            telephony.deactivate();
            BenchChannels.close(channel);
            return samples;
        }
    }

    private static void print(String series, long[] samples) {
        System.out.printf(Locale.ROOT, "%-38s %10.3f %10.3f %10.3f%n", series, percentile(samples, 50) / 1e6,
                percentile(samples, 99) / 1e6, Arrays.stream(samples).max().orElse(0) / 1e6);
    }

    private static long percentile(long[] samples, int percent) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
