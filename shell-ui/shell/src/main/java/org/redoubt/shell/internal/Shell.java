package org.redoubt.shell.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.redoubt.driver.display.Display;
import org.redoubt.driver.display.DisplayException;
import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.keypad.KeyEvent;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.telephony.Call;
import org.redoubt.telephony.CallState;

/**
 * The shell's engine: one thread that takes keys and events, moves between screens and draws a
 * frame after each. The screens come and go as services; the display may come and go too (a
 * driver update): the shell keeps its state and draws again when it is back.
 *
 * <p>Calls drive navigation: a ringing call opens the incoming-call screen on top of whatever is
 * shown (the lock screen too), a call in progress the call screen, and both close when the calls
 * end. After the shell itself is updated it starts on the call screen if a call is up.
 */
final class Shell implements AutoCloseable {

    static final String INCOMING = "incoming";
    static final String CALL = "call";
    static final String DIALER = "dialer";
    static final String CHANGE_PIN = "change-pin";
    private static final Duration NOTICE_TIME = Duration.ofSeconds(3);
    private static final int LATENCY_SAMPLES = 4096;

    /** What the shell reads from the rest of the handset. */
    record Sources(Supplier<Display> display, Supplier<HandsetStatus> status, Supplier<List<Call>> calls,
            BooleanSupplier locked, Runnable lock, java.util.function.Consumer<String> languageChosen,
            java.util.function.Consumer<String> screenShown, Runnable unlocked, BooleanSupplier pinChangeRequired) {
    }

    private final Map<String, Screen> screens = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread;
    private final Sources sources;
    private final Clock clock;
    private final Logger logger;
    private FrameRenderer renderer; // shell thread only; made by the first task, off the activation
    private final Context context = new Context();
    private volatile Texts texts;
    private volatile FrameRenderer.Frame lastFrame;
    private final long[] latencies = new long[LATENCY_SAMPLES];
    private int latencyCount; // shell thread only
    private Navigator navigator; // shell thread only
    private String notice; // shell thread only
    private long noticeUntil; // shell thread only
    private String lastClock = ""; // shell thread only
    private long keyNanos; // shell thread only: the key being handled
    private String shownScreen = ""; // shell thread only: the top screen last announced
    private final IdleLock idle; // shell thread only

    /**
     * @param theme loads the look (the typeface: about 10 MB); called once, on the shell's thread,
     *              so that activating the shell does not wait for it
     */
    Shell(java.util.function.Supplier<Theme> theme, int width, int height, Texts texts, Sources sources, Clock clock,
            Logger logger) {
        this.texts = texts;
        this.sources = sources;
        this.clock = clock;
        this.logger = logger;
        this.idle = new IdleLock(clock.instant());
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "redoubt-shell");
            t.setDaemon(true);
            return t;
        });
        later(() -> {
            renderer = new FrameRenderer(theme.get(), width, height);
            navigator = new Navigator(base());
            callsChanged();
            draw();
        });
        thread.scheduleWithFixedDelay(() -> tick(), 1, 1, TimeUnit.SECONDS);
    }

    // ---- from the component: called on any thread ----

    void screenAdded(String id, Screen screen) {
        screens.put(id, screen);
        later(() -> {
            if (navigator.top().screen().equals(id)) {
                screen.shown(context);
            }
            draw();
        });
    }

    void screenRemoved(String id, Screen screen) {
        if (screens.remove(id, screen)) {
            later(this::draw);
        }
    }

    /** A key from the keypad. */
    void key(KeyEvent event) {
        if (event.action() == KeyEvent.Action.RELEASED) {
            return;
        }
        later(() -> {
            keyNanos = event.timeNanos();
            idle.activity(clock.instant());
            handle(event.key());
            requirePinChange();
            if (draw()) {
                recordLatency(System.nanoTime() - event.timeNanos());
            }
        });
    }

    /** Calls changed (a telephony event). */
    void callsUpdated() {
        later(() -> {
            callsChanged();
            requirePinChange();
            draw();
        });
    }

    /**
     * Something screens may show changed (a telephony event other than a call's).
     *
     * @param notice a message to show over the screen, or null
     */
    void changed(String notice) {
        later(() -> {
            if (notice != null) {
                context.notice(notice);
            }
            Screen screen = screens.get(navigator.top().screen());
            if (screen != null) {
                screen.changed(context);
            }
            draw();
        });
    }

    /**
     * Opens a screen on top unless it is open already or the handset is locked (the lock screen
     * comes first); e.g. the SIM PIN screen when the SIM asks for its PIN.
     */
    void offer(String screen) {
        later(() -> {
            if (navigator.base().equals(Navigator.HOME) && !navigator.contains(screen) && screens.containsKey(screen)) {
                navigator.open(screen, Map.of());
                shown();
                draw();
            }
        });
    }

    /** Texts in the handset's language, for messages made outside a screen. */
    Texts texts() {
        return texts;
    }

    /** Something the status bar shows changed, or the display came back. */
    void refresh() {
        later(this::draw);
    }

    /** The handset was locked or unlocked elsewhere: the base screen follows. */
    void lockChanged() {
        later(() -> {
            String base = base();
            if (!navigator.base().equals(base)) {
                navigator.reset(base);
                callsChanged();
                shown();
            }
            draw();
        });
    }

    /**
     * @param idle how long without a key press before the shell locks the handset (never during a
     *             call); zero for never. The wait starts again now.
     */
    void lockAfter(Duration idle) {
        later(() -> this.idle.after(idle, clock.instant()));
    }

    /** @param next the language from now on */
    void language(Texts next) {
        texts = next;
        refresh();
    }

    /** @return the last frame drawn, or null before the first */
    FrameRenderer.Frame lastFrame() {
        return lastFrame;
    }

    /** @return the name of the screen on top (waits for the shell thread) */
    String topScreen() {
        try {
            return thread.submit(() -> navigator.top().screen()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the shell thread does not answer", e);
        }
    }

    /** @return key-to-frame latencies measured so far, in nanoseconds (the most recent {@value #LATENCY_SAMPLES}) */
    long[] latencies() {
        try {
            return thread.submit(() -> java.util.Arrays.copyOf(latencies, Math.min(latencyCount, LATENCY_SAMPLES)))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the shell thread does not answer", e);
        }
    }


    // ---- the shell thread ----

    private void handle(Key key) {
        notice = null; // a key dismisses a notice; one the key causes shows anew
        if (key == Key.POWER) {
            lockNow();
            return;
        }
        Screen screen = screens.get(navigator.top().screen());
        boolean used = false;
        if (screen != null) {
            try {
                used = screen.key(key, context);
            } catch (RuntimeException e) {
                logger.error("Screen {} failed on {}", navigator.top().screen(), key, e);
                context.notice(texts.text("error.internal"));
                used = true;
            }
        }
        if (!used && key == Key.END) {
            context.home();
        }
    }

    /** Locks the handset (when it has a PIN) and shows the lock screen, under any call screen. */
    private void lockNow() {
        sources.lock().run();
        navigator.reset(base());
        callsChanged();
        shown();
    }

    /** Locks the handset when it was left alone long enough, never while a call is up. */
    private void lockWhenIdle() {
        java.time.Instant now = clock.instant();
        boolean callUp = sources.calls().get().stream().anyMatch(call -> call.state() != CallState.ENDED);
        if (callUp) {
            idle.activity(now);
            return;
        }
        if (!idle.due(now)) {
            return;
        }
        idle.activity(now); // once: a handset without a PIN cannot lock, and is not asked every second
        if (!navigator.base().equals(Navigator.LOCK)) {
            lockNow();
            if (navigator.base().equals(Navigator.LOCK)) {
                logger.info("The handset was left idle: locked");
                draw();
            }
        }
    }

    /**
     * Keeps the change-PIN screen open while the handset is unlocked and the lock requires a new
     * PIN (an unlock with a PIN the rules no longer admit, or RESET_PIN): nothing else can be used
     * until it is changed. Calls still come first: the screen opens again once they end.
     */
    private void requirePinChange() {
        String top = navigator.top().screen();
        if (navigator.base().equals(Navigator.HOME) && !top.equals(CALL) && !top.equals(INCOMING)
                && !navigator.contains(CHANGE_PIN) && screens.containsKey(CHANGE_PIN)
                && sources.pinChangeRequired().getAsBoolean()) {
            navigator.open(CHANGE_PIN, Map.of());
            shown();
        }
    }

    /** Opens or closes the call screens to match the calls. */
    private void callsChanged() {
        List<Call> calls = sources.calls().get();
        boolean ringing = calls.stream().anyMatch(call -> call.state() == CallState.INCOMING);
        boolean inProgress = calls.stream().anyMatch(call -> call.state() != CallState.INCOMING
                && call.state() != CallState.ENDED);
        String top = navigator.top().screen();
        if (ringing) {
            if (!top.equals(INCOMING)) {
                navigator.remove(INCOMING);
                navigator.open(INCOMING, Map.of());
                shown();
            }
            return;
        }
        navigator.remove(INCOMING);
        if (inProgress) {
            if (!navigator.contains(CALL)) {
                navigator.remove(DIALER);
                navigator.open(CALL, Map.of());
            }
        } else {
            navigator.remove(CALL);
        }
        if (!navigator.top().screen().equals(top)) {
            shown();
        }
    }

    private void shown() {
        Screen screen = screens.get(navigator.top().screen());
        if (screen != null) {
            screen.shown(context);
        }
    }

    private String base() {
        return sources.locked().getAsBoolean() ? Navigator.LOCK : Navigator.HOME;
    }

    private void tick() {
        try {
            if (navigator == null) {
                return;
            }
            lockWhenIdle();
            String clockText = now().toLocalTime().withSecond(0).withNano(0).toString();
            boolean noticeEnded = notice != null && System.nanoTime() > noticeUntil;
            if (noticeEnded || !clockText.equals(lastClock) || navigator.top().screen().equals(CALL)) {
                lastClock = clockText;
                draw();
            }
        } catch (RuntimeException e) {
            logger.error("The shell's clock tick failed", e);
        }
    }

    /** @return whether a frame reached the display */
    private boolean draw() {
        if (navigator == null || renderer == null) {
            return false;
        }
        if (notice != null && System.nanoTime() > noticeUntil) {
            notice = null;
        }
        String top = navigator.top().screen();
        if (!top.equals(shownScreen)) {
            shownScreen = top;
            sources.screenShown().accept(top);
        }
        Screen screen = screens.get(top);
        FrameRenderer.Frame frame;
        try {
            frame = renderer.render(screen, context, sources.status().get(), now(), notice);
        } catch (RuntimeException e) {
            logger.error("Drawing screen {} failed", navigator.top().screen(), e);
            return false;
        }
        Display display = sources.display().get();
        try {
            if (display != null) {
                display.show(frame.argb());
            }
        } catch (DisplayException e) {
            logger.warn("The display refused a frame: {}", e.getMessage());
            display = null;
        } finally {
            lastFrame = frame; // after the display has it: what lastFrame says is on the screen
        }
        return display != null;
    }

    private void recordLatency(long nanos) {
        latencies[latencyCount % LATENCY_SAMPLES] = nanos;
        latencyCount++;
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    private void later(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    logger.error("The shell failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What screens see of the shell. */
    private final class Context implements ScreenContext {

        @Override
        public void open(String screen, Map<String, String> arguments) {
            navigator.open(screen, arguments);
            shown();
        }

        @Override
        public boolean available(String screen) {
            return screens.containsKey(screen);
        }

        @Override
        public Map<String, String> arguments() {
            return navigator.top().arguments();
        }

        @Override
        public void back() {
            navigator.back();
            shown();
        }

        @Override
        public void home() {
            boolean wasLocked = navigator.base().equals(Navigator.LOCK);
            navigator.reset(base());
            if (wasLocked && navigator.base().equals(Navigator.HOME)) {
                sources.unlocked().run();
            }
            callsChanged();
            requirePinChange();
            shown();
        }

        @Override
        public void notice(String text) {
            notice = text;
            noticeUntil = System.nanoTime() + NOTICE_TIME.toNanos();
        }

        @Override
        public void repaint() {
            later(Shell.this::draw);
        }

        @Override
        public String text(String key, Object... args) {
            return texts.text(key, args);
        }

        @Override
        public ZonedDateTime now() {
            return Shell.this.now();
        }

        @Override
        public String language() {
            return texts.tag();
        }

        @Override
        public void language(String language) {
            texts = Texts.of(language);
            sources.languageChosen().accept(texts.tag());
        }

        @Override
        public long keyNanos() {
            return keyNanos;
        }
    }
}
