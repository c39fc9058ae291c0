package org.redoubt.driver.modem.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.log.Logger;
import org.redoubt.driver.modem.AtException;

/**
 * Keeps the AT channel to one modem. It connects, checks that the modem answers {@code AT},
 * publishes the channel, and when the link breaks (the modem resets, the cable or the simulator
 * goes away) withdraws it and connects again, waiting longer after each failure up to a cap. A
 * handset without its modem still runs; it has no network until the modem answers.
 */
final class ModemLink implements AutoCloseable {

    /** Opens the byte stream to the modem. */
    @FunctionalInterface
    interface Opener {
        /**
         * @return a new transport
         * @throws IOException when the modem cannot be reached now
         */
        AtTransport open() throws IOException;
    }

    /** The modem is not there yet in a way that is expected (the emulator's modem not started yet): said at INFO. */
    static final class ModemAbsent extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param message what is missing */
        ModemAbsent(String message) {
            super(message);
        }
    }

    /** Makes the channel available to consumers and takes it back. */
    interface Publisher {
        /** @param channel a channel to a modem that answered */
        void publish(StreamAtChannel channel);

        /** Takes the published channel back. */
        void withdraw();
    }

    /** How long the modem has to answer the first {@code AT}. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final long STOP_WAIT_MILLIS = 2000;

    private final String modem;
    private final Opener opener;
    private final Publisher publisher;
    private final Duration maximumRetry;
    private final Logger logger;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    // Guarded by lock.
    private boolean stopping;
    private boolean retryNow;
    private boolean dropped;
    private StreamAtChannel current;

    /**
     * Starts connecting at once, on its own thread.
     *
     * @param modem        where the modem is, for messages
     * @param opener       opens the transport
     * @param publisher    receives the channel while the modem answers
     * @param maximumRetry the longest wait between two attempts
     * @param logger       connection changes (INFO) and failures (WARN, once per distinct reason)
     */
    ModemLink(String modem, Opener opener, Publisher publisher, Duration maximumRetry, Logger logger) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.maximumRetry = maximumRetry.compareTo(FIRST_RETRY) < 0 ? FIRST_RETRY : maximumRetry;
        this.logger = Objects.requireNonNull(logger, "logger");
        this.thread = new Thread(this::run, "redoubt-modem-link " + modem);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Tries again now instead of after the current wait (the modem has just appeared). */
    void retryNow() {
        lock.lock();
        try {
            retryNow = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the current channel, if any; the link then reconnects (the modem has gone away). */
    void dropConnection() {
        StreamAtChannel channel;
        lock.lock();
        try {
            channel = current;
            dropped = channel != null;
        } finally {
            lock.unlock();
        }
        if (channel != null) {
            channel.close();
        }
    }

    /** Withdraws and closes the channel and stops connecting. */
    @Override
    public void close() {
        StreamAtChannel channel;
        lock.lock();
        try {
            stopping = true;
            channel = current;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (channel != null) {
            channel.close();
        }
        thread.interrupt();
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        String lastFailure = null;
        while (!isStopping()) {
            try {
                StreamAtChannel channel = connect();
                lastFailure = null;
                retry = FIRST_RETRY;
                if (!publish(channel)) {
                    return;
                }
                logger.info("Modem at {} answers; its AT channel is available", modem);
                try {
                    channel.awaitClosed();
                } finally {
                    withdraw(channel);
                }
                if (takeDropped()) {
                    logger.info("Modem at {} went away; waiting for it", modem);
                } else if (!isStopping()) {
                    logger.warn("Modem link {} broke; reconnecting", modem);
                }
                continue;
            } catch (IOException | AtException e) {
                String failure = String.valueOf(e.getMessage());
                if (failure.equals(lastFailure)) {
                    logger.debug("Modem at {} is still not available: {}", modem, failure);
                } else if (e instanceof ModemAbsent) {
                    logger.info("Waiting for the modem at {}: {}", modem, failure);
                } else {
                    logger.warn("Modem at {} is not available, retrying: {}", modem, failure);
                }
                lastFailure = failure;
            } catch (InterruptedException e) {
                return;
            }
            if (!pause(retry)) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(maximumRetry) > 0 ? maximumRetry : retry.multipliedBy(2);
        }
    }

    private StreamAtChannel connect() throws IOException, AtException {
        AtTransport transport = opener.open();
        StreamAtChannel channel = new StreamAtChannel(transport, logger::warn);
        try {
            channel.send("AT", ANSWER_TIMEOUT);
            return channel;
        } catch (AtException e) {
            channel.close();
            throw new AtException(e.reason(), "the modem does not answer AT: " + e.getMessage(), e);
        }
    }

    private boolean publish(StreamAtChannel channel) {
        lock.lock();
        try {
            if (stopping) {
                channel.close();
                return false;
            }
            current = channel;
        } finally {
            lock.unlock();
        }
        publisher.publish(channel);
        return true;
    }

    private void withdraw(StreamAtChannel channel) {
        publisher.withdraw();
        channel.close();
        lock.lock();
        try {
            current = null;
        } finally {
            lock.unlock();
        }
    }

    private boolean takeDropped() {
        lock.lock();
        try {
            boolean was = dropped;
            dropped = false;
            return was;
        } finally {
            lock.unlock();
        }
    }

    private boolean isStopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    /** @return false when stopping */
    private boolean pause(Duration wait) {
        long remaining = wait.toNanos();
        lock.lock();
        try {
            while (!stopping && !retryNow && remaining > 0) {
                remaining = wake.awaitNanos(remaining);
            }
            retryNow = false;
            return !stopping;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

}
