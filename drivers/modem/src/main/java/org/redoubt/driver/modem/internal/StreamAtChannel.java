package org.redoubt.driver.modem.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.AtException;
import org.redoubt.driver.modem.AtException.Reason;
import org.redoubt.driver.modem.AtResponse;
import org.redoubt.driver.modem.FinalResult;
import org.redoubt.driver.modem.UnsolicitedListener;
import org.redoubt.driver.modem.UnsolicitedResult;

/**
 * The AT channel over a byte stream. A reader thread turns the stream into lines and hands each
 * to the command waiting for its answer or to the unsolicited listeners. Commands are serialized
 * by a fair lock. After a timeout the modem may be silent, confused or still answering, so the
 * next command first resynchronizes: it sends {@code AT} until an {@code OK} comes back, and late
 * answers in between are dropped as stale. A late answer can also arrive just after the probe went
 * out and pass for the probe's own: so after the probe the channel waits until the modem has been
 * quiet for {@link #SETTLE_TIME}, dropping any further final result, before the command goes.
 */
public final class StreamAtChannel implements AtChannel, AutoCloseable {

    /** How long each resynchronization probe waits. */
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    /** How many probes before a command gives up with {@code TIMEOUT}. */
    static final int PROBES = 3;
    /** How long the modem must stay quiet after a probe's OK before the command goes. */
    static final Duration SETTLE_TIME = Duration.ofMillis(100);
    private static final int MAX_STRAY_RESULTS = 5;

    private final AtTransport transport;
    private final Consumer<String> diagnostics;
    private final List<UnsolicitedListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock commands = new ReentrantLock(true);
    private final ReentrantLock state = new ReentrantLock();
    private final Condition changed = state.newCondition();
    private final Thread reader;

    // Guarded by state.
    private String pending;
    private List<String> information = new ArrayList<>();
    private FinalResult result;
    private boolean prompted;
    private boolean closed;
    private String unsolicitedWithPayload;
    // Guarded by commands.
    private boolean needsResync;

    /**
     * @param transport   the byte stream; the channel owns and closes it
     * @param diagnostics receives one line per dropped line or transport failure (never key material;
     *                    the modem sends none)
     */
    StreamAtChannel(AtTransport transport, Consumer<String> diagnostics) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.reader = new Thread(this::read, "redoubt-modem-reader " + transport.describe());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    @Override
    public AtResponse send(String command, Duration timeout) throws AtException {
        return run(command, null, timeout);
    }

    @Override
    public AtResponse sendWithPayload(String command, String payload, Duration timeout) throws AtException {
        check(payload, "payload");
        return run(command, payload, timeout);
    }

    @Override
    public void addUnsolicitedListener(UnsolicitedListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeUnsolicitedListener(UnsolicitedListener listener) {
        listeners.remove(listener);
    }

    /** Closes the transport; a waiting command fails with {@code CLOSED}. */
    @Override
    public void close() {
        state.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            state.unlock();
        }
        try {
            transport.close();
        } catch (IOException e) {
            diagnostics.accept("closing " + transport.describe() + " failed: " + e);
        }
    }

    /**
     * Waits until the channel is closed: by {@link #close}, a failed write, or the modem's end of
     * the stream.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    void awaitClosed() throws InterruptedException {
        state.lockInterruptibly();
        try {
            while (!closed) {
                changed.await();
            }
        } finally {
            state.unlock();
        }
    }

    /** @return where the channel goes, for messages */
    String describe() {
        return transport.describe();
    }

    private AtResponse run(String command, String payload, Duration timeout) throws AtException {
        check(command, "command");
        Objects.requireNonNull(timeout, "timeout");
        try {
            commands.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException(Reason.INTERRUPTED, "interrupted while waiting for the channel", e);
        }
        try {
            if (needsResync) {
                resynchronize();
            }
            try {
                return exchange(command, payload, timeout);
            } catch (AtException e) {
                if (e.reason() == Reason.TIMEOUT) {
                    needsResync = true;
                }
                throw e;
            }
        } finally {
            commands.unlock();
        }
    }

    private void resynchronize() throws AtException {
        for (int probe = 1; probe <= PROBES; probe++) {
            try {
                if (exchange("AT", null, PROBE_TIMEOUT).isOk()) {
                    settle();
                    needsResync = false;
                    return;
                }
            } catch (AtException e) {
                if (e.reason() != Reason.TIMEOUT) {
                    throw e;
                }
            }
        }
        throw new AtException(Reason.TIMEOUT, "the modem on " + transport.describe() + " does not answer AT ("
                + PROBES + " probes)", null);
    }

    /** Drops final results that still arrive after a probe's OK, until the modem is quiet. */
    private void settle() throws AtException {
        for (int stray = 0; stray < MAX_STRAY_RESULTS; stray++) {
            state.lock();
            try {
                pending = "AT";
                information = new ArrayList<>();
                result = null;
            } finally {
                state.unlock();
            }
            try {
                AtResponse late = awaitResult("AT", System.nanoTime() + SETTLE_TIME.toNanos());
                diagnostics.accept("dropped a late " + late.result().line() + " after resynchronizing");
            } catch (AtException e) {
                if (e.reason() == Reason.TIMEOUT) {
                    return; // quiet: in step
                }
                throw e;
            } finally {
                state.lock();
                try {
                    pending = null;
                } finally {
                    state.unlock();
                }
            }
        }
        throw new AtException(Reason.TIMEOUT, "the modem on " + transport.describe()
                + " keeps sending results after resynchronizing", null);
    }

    private AtResponse exchange(String command, String payload, Duration timeout) throws AtException {
        long deadline = System.nanoTime() + timeout.toNanos();
        state.lock();
        try {
            if (closed) {
                throw new AtException(Reason.CLOSED, transport.describe() + " is closed", null);
            }
            pending = command;
            information = new ArrayList<>();
            result = null;
            prompted = false;
        } finally {
            state.unlock();
        }
        try {
            write(command + "\r");
            if (payload != null) {
                awaitPromptOrResult(command, deadline);
                write(payload + "\u001a");
            }
            return awaitResult(command, deadline);
        } finally {
            state.lock();
            try {
                pending = null;
            } finally {
                state.unlock();
            }
        }
    }

    private void awaitPromptOrResult(String command, long deadline) throws AtException {
        state.lock();
        try {
            while (!prompted && result == null) {
                await(command, deadline);
            }
            if (!prompted) {
                throw new AtException(Reason.NO_PROMPT, command + " answered " + result.line() + " without a prompt",
                        null);
            }
        } finally {
            state.unlock();
        }
    }

    private AtResponse awaitResult(String command, long deadline) throws AtException {
        state.lock();
        try {
            while (result == null) {
                await(command, deadline);
            }
            return new AtResponse(information, result);
        } finally {
            state.unlock();
        }
    }

    /** Waits for a change; call with {@code state} held. */
    private void await(String command, long deadline) throws AtException {
        if (closed) {
            throw new AtException(Reason.CLOSED, transport.describe() + " closed while " + command + " waited", null);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AtException(Reason.TIMEOUT, command + " got no final result in time", null);
        }
        try {
            changed.awaitNanos(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException(Reason.INTERRUPTED, "interrupted while " + command + " waited", e);
        }
    }

    private void write(String text) throws AtException {
        try {
            OutputStream out = transport.output();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            close();
            throw new AtException(Reason.CLOSED, "writing to " + transport.describe() + " failed", e);
        }
    }

    private void read() {
        AtLineReader lines = new AtLineReader(transport.input(), MAX_LINE_LENGTH);
        try {
            AtLineReader.Line line;
            while ((line = lines.next()) != null) {
                accept(line);
            }
            diagnostics.accept(transport.describe() + " ended");
        } catch (IOException e) {
            if (!isClosed()) { // after close() a failing read is the expected end, not news
                diagnostics.accept("reading " + transport.describe() + " failed: " + e);
            }
        } finally {
            state.lock();
            try {
                closed = true;
                changed.signalAll();
            } finally {
                state.unlock();
            }
        }
    }

    private boolean isClosed() {
        state.lock();
        try {
            return closed;
        } finally {
            state.unlock();
        }
    }

    private void accept(AtLineReader.Line line) {
        switch (line.kind()) {
            case OVERLONG -> diagnostics.accept("dropped a line longer than " + MAX_LINE_LENGTH + " characters");
            case GARBAGE -> diagnostics.accept("dropped a line with bytes outside printable ASCII");
            case PROMPT -> {
                state.lock();
                try {
                    prompted = true;
                    changed.signalAll();
                } finally {
                    state.unlock();
                }
            }
            case TEXT -> text(line.text());
        }
    }

    private void text(String line) {
        UnsolicitedResult unsolicited = null;
        state.lock();
        try {
            if (unsolicitedWithPayload != null) {
                unsolicited = new UnsolicitedResult(unsolicitedWithPayload, Optional.of(line));
                unsolicitedWithPayload = null;
            } else {
                switch (LineClassifier.classify(line, Optional.ofNullable(pending))) {
                    case ECHO -> { }
                    case STALE -> diagnostics.accept("dropped a late answer: " + line);
                    case FINAL -> {
                        result = FinalResult.parse(line).orElseThrow();
                        // The answer is complete: what follows (a +CUSD after the OK of AT+CUSD)
                        // is unsolicited, even before the waiting thread has woken up.
                        pending = null;
                        changed.signalAll();
                    }
                    case INFORMATION -> information.add(line);
                    case UNSOLICITED -> {
                        if (LineClassifier.hasPayload(line)) {
                            unsolicitedWithPayload = line;
                        } else {
                            unsolicited = new UnsolicitedResult(line, Optional.empty());
                        }
                    }
                }
            }
        } finally {
            state.unlock();
        }
        if (unsolicited != null) {
            for (UnsolicitedListener listener : listeners) {
                try {
                    listener.unsolicited(unsolicited);
                } catch (RuntimeException e) {
                    diagnostics.accept("an unsolicited-result listener failed: " + e);
                }
            }
        }
    }

    private static void check(String text, String what) throws AtException {
        if (text == null || text.isEmpty() || text.length() > MAX_LINE_LENGTH
                || !text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new AtException(Reason.INVALID_COMMAND, "a " + what + " is 1.." + MAX_LINE_LENGTH
                    + " printable ASCII characters", null);
        }
    }
}
