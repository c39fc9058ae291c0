package org.redoubt.itests.storewriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeSet;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.store.CallKind;
import org.redoubt.store.CallLog;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.LockState;
import org.redoubt.store.Message;
import org.redoubt.store.MessageStore;
import org.redoubt.store.StoreException;

/**
 * A test bundle that the crash test adds to a release. At each boot it unlocks the stores (or sets
 * the PIN on the first), prints what it finds ({@code STORE-CONTENT n1,n2,...} and
 * {@code STORE-CALLS count}), then writes numbered messages and, every tenth, a missed call as fast
 * as it can, printing {@code STORE-ACK n} after each write returned. With {@code locked} in
 * {@code <data>/store-writer.mode} it locks first, so the writes go to the inboxes; with {@code paced} there
 * too, it waits 20 ms after each write (tests that run for minutes keep the store small). Only in tests.
 */
@Component(immediate = true)
public final class StoreWriter {

    static final String PIN = "2468";
    static final String SENDER = "+15550100";
    static final String PREFIX = "crash-test-";

    private final Thread writer;

    /**
     * @param context  reads the data directory
     * @param lock     the PIN lock
     * @param messages where the messages go
     * @param calls    where the calls go
     */
    @Activate
    public StoreWriter(BundleContext context, @Reference HandsetLock lock, @Reference MessageStore messages,
            @Reference CallLog calls) {
        Path mode = Path.of(context.getProperty("redoubt.data.dir"), "store-writer.mode");
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        this.writer = new Thread(() -> run(lock, messages, calls, mode, out), "store-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Deactivate
    void deactivate() {
        writer.interrupt();
    }

    private static void run(HandsetLock lock, MessageStore messages, CallLog calls, Path mode, PrintStream out) {
        try {
            if (lock.state() == LockState.NO_PIN) {
                lock.setPin(PIN.toCharArray());
            } else {
                lock.unlock(PIN.toCharArray());
            }
            TreeSet<Long> found = new TreeSet<>();
            for (Message message : messages.thread(SENDER)) {
                if (!found.add(Long.parseLong(message.body().substring(PREFIX.length())))) {
                    out.println("STORE-DUPLICATE " + message.body());
                }
            }
            out.println("STORE-CONTENT " + String.join(",", found.stream().map(String::valueOf).toList()));
            out.println("STORE-CALLS " + calls.list().size());
            java.util.List<String> words = Files.exists(mode)
                    ? java.util.List.of(Files.readString(mode).strip().split("\\s+")) : java.util.List.of();
            boolean locked = words.contains("locked");
            boolean paced = words.contains("paced");
            if (locked) {
                lock.lock();
            }
            out.println("STORE-WRITING " + (locked ? "locked" : "unlocked"));
            long next = found.isEmpty() ? 1 : found.last() + 1;
            while (!Thread.currentThread().isInterrupted()) {
                messages.deliver(SENDER, PREFIX + next, Instant.now());
                if (next % 10 == 0) {
                    calls.log(SENDER, CallKind.MISSED, Instant.now(), Duration.ZERO);
                }
                out.println("STORE-ACK " + next);
                next++;
                if (paced) {
                    Thread.sleep(20);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StoreException | IOException | RuntimeException e) {
            out.println("STORE-FAILED " + e);
        }
    }
}
