package org.redoubt.shell.internal;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.driver.display.Display;
import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.keypad.KeyEvent;
import org.redoubt.driver.keypad.KeyListener;
import org.redoubt.driver.keypad.Keypad;
import org.redoubt.shell.internal.screens.DialerScreen;
import org.redoubt.shell.internal.screens.HomeScreen;
import org.redoubt.shell.internal.screens.Screens;
import org.redoubt.shell.screen.Screen;
import org.redoubt.telephony.Call;
import org.redoubt.telephony.CallControl;

/**
 * Key press to frame presented: the shell's component, its screens and real font, a key from the
 * keypad driver's listener interface, until the display has the new frame. The display is a
 * frame buffer in memory (as fbdev is), so the figure is the shell's own work. Baseline, in the
 * same run: handing the same display a ready frame from the same key listener, which is the least
 * any key-to-frame path does.
 *
 * <p>Usage: {@code KeyToFrameBench [rounds]} (default 2000, after 300 warm-up rounds).
 */
public final class KeyToFrameBench {

    private static final Logger SILENT = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);

    private KeyToFrameBench() {
    }

    /** A frame buffer: copies each frame in and tells a waiting key when it is there. */
    private static final class FrameBuffer implements Display {
        private final int[] memory = new int[DEFAULT_WIDTH * DEFAULT_HEIGHT];
        private final AtomicReference<CountDownLatch> waiting = new AtomicReference<>();

        @Override
        public int width() {
            return DEFAULT_WIDTH;
        }

        @Override
        public int height() {
            return DEFAULT_HEIGHT;
        }

        @Override
        public void show(int[] argb) {
            System.arraycopy(argb, 0, memory, 0, memory.length);
            CountDownLatch latch = waiting.getAndSet(null);
            if (latch != null) {
                latch.countDown();
            }
        }
    }

    /** The keypad driver's side: listeners get each key. */
    private static final class Keys implements Keypad {
        final List<KeyListener> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void addListener(KeyListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(KeyListener listener) {
            listeners.remove(listener);
        }

        void press(Key key) {
            KeyEvent event = new KeyEvent(key, KeyEvent.Action.PRESSED, System.nanoTime());
            listeners.forEach(listener -> listener.key(event));
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = 300;
        FrameBuffer display = new FrameBuffer();
        Keys keypad = new Keys();
        ShellComponent shell = new ShellComponent(Converters.standardConverter().convert(Map.of())
                .to(ShellComponent.Config.class), SILENT, Clock.systemDefaultZone());
        CallControl noCalls = (CallControl) Proxy.newProxyInstance(CallControl.class.getClassLoader(),
                new Class<?>[] {CallControl.class}, (proxy, method, a) -> method.getName().equals("calls")
                        ? List.<Call>of() : method.getReturnType() == boolean.class ? false : null);
        shell.bindScreen(new HomeScreen(), Map.of(Screen.ID, Screens.HOME));
        shell.bindScreen(new DialerScreen(noCalls), Map.of(Screen.ID, Screens.DIALER));
        shell.bindDisplay(display);
        shell.bindKeypad(keypad);

        // the shell: a digit opens the dialer; then digits and deletes redraw the dialer
        long[] shellNanos = measure(display, keypad, warmup, rounds, i -> i % 2 == 0 ? Key.DIGIT_5 : Key.SOFT_RIGHT,
                true);
        shell.unbindKeypad(keypad);
        // the baseline: the key listener hands the display a ready frame
        int[] ready = new int[Display.DEFAULT_WIDTH * Display.DEFAULT_HEIGHT];
        keypad.addListener(event -> display.show(ready));
        long[] baselineNanos = measure(display, keypad, warmup, rounds, i -> Key.DIGIT_5, false);
        shell.deactivate();

        System.out.printf(Locale.ROOT, "rounds: %d (after %d warm-up rounds each)%n", rounds, warmup);
        System.out.printf(Locale.ROOT, "%-40s %10s %10s %10s%n", "series", "p50 ms", "p99 ms", "max ms");
        print("baseline: ready frame to the display", baselineNanos);
        print("shell: key to frame presented", shellNanos);
        System.out.printf(Locale.ROOT, "ratio shell / baseline: p50 %.1fx, p99 %.1fx; goal p99 <= 16 ms: %s%n",
                percentile(shellNanos, 50) / (double) percentile(baselineNanos, 50),
                percentile(shellNanos, 99) / (double) percentile(baselineNanos, 99),
                percentile(shellNanos, 99) <= 16_000_000L ? "PASS" : "FAIL");
    }

    private interface KeyChoice {
        Key at(int round);
    }

    private static long[] measure(FrameBuffer display, Keys keypad, int warmup, int rounds, KeyChoice keys,
            boolean openDialer) throws InterruptedException {
        if (openDialer) {
            awaitFrame(display, keypad, Key.DIGIT_1);
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < warmup + rounds; i++) {
            long took = awaitFrame(display, keypad, keys.at(i));
            if (i >= warmup) {
                nanos[i - warmup] = took;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long awaitFrame(FrameBuffer display, Keys keypad, Key key) throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        display.waiting.set(shown);
        long start = System.nanoTime();
        keypad.press(key);
        if (!shown.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no frame after " + key);
        }
        return System.nanoTime() - start;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static void print(String series, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-40s %10.3f %10.3f %10.3f%n", series, percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
