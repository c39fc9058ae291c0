package org.redoubt.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;
import org.redoubt.crypto.sealed.internal.FileDeviceSecret;
import org.redoubt.crypto.sealed.internal.KeyHierarchy;
import org.redoubt.store.CallKind;
import org.redoubt.store.CallRecord;
import org.redoubt.store.Contact;
import org.redoubt.store.Direction;
import org.redoubt.store.LockState;
import org.redoubt.store.Message;
import org.redoubt.store.MessageThread;
import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/**
 * The stores over the real key hierarchy (Bouncy Castle, both suites) and a real MVStore file:
 * what the user keeps comes back, nothing readable reaches the disk, what arrives while locked is
 * kept, and the PIN operations and the wipe do what the handset promises.
 */
class StoresTest {

    private static final BouncyCastleCryptoProvider PROVIDER = new BouncyCastleCryptoProvider();
    private static final PinKdfParameters CHEAP = new PinKdfParameters(8 * 1024, 1, 1);
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path data;
    private final List<Vault> opened = new ArrayList<>();

    /** A boot of the handset: a new vault over the same data directory. */
    private Vault boot(Suite suite) throws StoreException {
        Vault vault = new Vault(data.resolve("stores"), new KeyHierarchy(data.resolve("keys/storage"), PROVIDER,
                new FileDeviceSecret(data.resolve("secrets"), PROVIDER), () -> suite, CHEAP));
        opened.add(vault);
        return vault;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Vault::close);
    }

    private static char[] pin(String digits) {
        return digits.toCharArray();
    }

    private static Reason reason(Action action) {
        return assertThrows(StoreException.class, action::run).reason();
    }

    @FunctionalInterface
    private interface Action {
        void run() throws StoreException;
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void messagesContactsAndCallsComeBack(Suite suite) throws StoreException {
        Vault vault = boot(suite);
        new PinLock(vault).setPin(pin("2468"));
        MessageBox messages = new MessageBox(vault);
        ContactBook contacts = new ContactBook(vault);
        CallHistory calls = new CallHistory(vault);

        long first = messages.deliver("+4915550001", "Are you at the depot?", T0);
        messages.addSent("+4915550001", "Yes, gate 3.", T0.plusSeconds(60));
        messages.deliver("+4915550002", "Shift starts at 6", T0.plusSeconds(30));
        List<MessageThread> threads = messages.threads();
        assertEquals(List.of("+4915550001", "+4915550002"), threads.stream().map(MessageThread::address).toList());
        assertEquals(2, threads.get(0).messages());
        assertEquals(1, threads.get(0).unread());
        assertEquals("Yes, gate 3.", threads.get(0).latest().body());
        List<Message> thread = messages.thread("+4915550001");
        assertEquals(List.of(Direction.INCOMING, Direction.OUTGOING), thread.stream().map(Message::direction).toList());
        assertEquals(1, messages.markRead("+4915550001"));
        assertEquals(0, messages.threads().get(0).unread());
        assertEquals(List.of(first), messages.search("DEPOT").stream().map(Message::id).toList());
        assertEquals("Are you at the depot?", messages.message(first).orElseThrow().body());
        assertTrue(messages.message(9999).isEmpty());
        messages.delete(first);
        assertEquals(Reason.NOT_FOUND, reason(() -> messages.delete(first)));
        assertEquals(1, messages.thread("+4915550001").size());

        Contact anna = contacts.add("Anna Berg", "+4915550001");
        contacts.add("bruno", "110");
        assertEquals(List.of("Anna Berg", "bruno"), contacts.list().stream().map(Contact::name).toList());
        contacts.update(new Contact(anna.id(), "Anna Berg-Lind", "+4915550009"));
        assertEquals("Anna Berg-Lind", contacts.byNumber("+4915550009").orElseThrow().name());
        assertTrue(contacts.byNumber("+4915550001").isEmpty());
        assertEquals(List.of("Anna Berg-Lind"), contacts.search("lind").stream().map(Contact::name).toList());
        contacts.delete(anna.id());
        assertEquals(Reason.NOT_FOUND, reason(() -> contacts.update(anna)));

        calls.log("+4915550002", CallKind.MISSED, T0, Duration.ZERO);
        long outgoing = calls.log("110", CallKind.OUTGOING, T0.plusSeconds(600), Duration.ofSeconds(95));
        assertEquals(List.of(CallKind.OUTGOING, CallKind.MISSED), calls.list().stream().map(CallRecord::kind).toList());
        assertEquals(Duration.ofSeconds(95), calls.list().get(0).duration());
        calls.delete(outgoing);
        assertEquals(1, calls.list().size());

        vault.close();
        Vault rebooted = boot(suite);
        new PinLock(rebooted).unlock(pin("2468"));
        assertEquals(2, new MessageBox(rebooted).threads().size(), "everything is still there after a reboot");
        assertEquals(List.of("bruno"), new ContactBook(rebooted).list().stream().map(Contact::name).toList());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void nothingReadableReachesTheDisk(Suite suite) throws Exception {
        Vault vault = boot(suite);
        new PinLock(vault).setPin(pin("2468"));
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String body = "convoy-route-" + i + " leaves at dawn";
            String number = "+49155577" + String.format("%04d", i);
            String name = "Agent Kowalski" + i;
            new MessageBox(vault).deliver(number, body, T0.plusSeconds(i));
            new ContactBook(vault).add(name, number);
            new CallHistory(vault).log(number, CallKind.INCOMING, T0, Duration.ofSeconds(i));
            secrets.addAll(List.of(body, number, name));
        }
        vault.lock();
        new MessageBox(vault).deliver("+4915559999", "arrived-while-locked-secret", T0);
        secrets.add("arrived-while-locked-secret");
        secrets.add("2468");
        vault.close();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith(Database.FILE)), files.toString());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            String utf16 = new String(bytes, StandardCharsets.UTF_16LE) + new String(bytes, StandardCharsets.UTF_16BE);
            for (String secret : secrets) {
                assertFalse(latin1.contains(secret) || utf16.contains(secret), secret + " is readable in " + file);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void whatArrivesWhileLockedIsKeptAndReadableAfterUnlock(Suite suite) throws StoreException {
        Vault vault = boot(suite);
        new PinLock(vault).setPin(pin("2468"));
        vault.close();

        Vault locked = boot(suite);
        assertEquals(LockState.LOCKED, new PinLock(locked).state());
        long sms = new MessageBox(locked).deliver("+4915550003", "Call me back", T0);
        long missed = new CallHistory(locked).log("+4915550003", CallKind.MISSED, T0, Duration.ZERO);
        assertEquals(Reason.LOCKED, reason(() -> new MessageBox(locked).threads()));
        assertEquals(Reason.LOCKED, reason(() -> new CallHistory(locked).list()));
        assertEquals(Reason.LOCKED, reason(() -> new ContactBook(locked).add("Eve", "123")),
                "only messages and calls may arrive while locked");
        assertEquals(Reason.LOCKED, reason(() -> new MessageBox(locked).addSent("123", "x", T0)),
                "the user cannot send without unlocking");
        locked.close();

        Vault rebooted = boot(suite);
        new PinLock(rebooted).unlock(pin("2468"));
        List<Message> thread = new MessageBox(rebooted).thread("+4915550003");
        assertEquals(1, thread.size());
        assertEquals(sms, thread.get(0).id());
        assertEquals("Call me back", thread.get(0).body());
        assertFalse(thread.get(0).read());
        assertEquals(missed, new CallHistory(rebooted).list().get(0).id());
        rebooted.lock();
        new PinLock(rebooted).unlock(pin("2468"));
        assertEquals(1, new MessageBox(rebooted).thread("+4915550003").size(), "moved once, not twice");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void wrongPinsAreCountedOnDiskAndARightOneClearsTheCount(Suite suite) throws StoreException {
        Vault vault = boot(suite);
        PinLock lock = new PinLock(vault);
        assertEquals(LockState.NO_PIN, lock.state());
        assertEquals(Reason.NO_PIN, reason(() -> lock.unlock(pin("1234"))));
        assertEquals(Reason.NO_PIN, reason(() -> new MessageBox(vault).deliver("123", "x", T0)),
                "no keys, nothing to seal to: refused, not lost silently");
        lock.setPin(pin("2468"));
        assertEquals(Reason.PIN_ALREADY_SET, reason(() -> lock.setPin(pin("1357"))));
        lock.lock();
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("1111"))));
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("2222"))));
        assertEquals(2, lock.failedAttempts());
        vault.close();

        PinLock rebooted = new PinLock(boot(suite));
        assertEquals(2, rebooted.failedAttempts(), "the count survives a restart");
        assertEquals(Reason.WRONG_PIN, reason(() -> rebooted.changePin(pin("0000"), pin("1357"))));
        assertEquals(3, rebooted.failedAttempts(), "a wrong old PIN counts too");
        rebooted.unlock(pin("2468"));
        assertEquals(0, rebooted.failedAttempts());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void everyUnlockWrongPinAndWipeIsAuditedWithoutThePin(Suite suite) throws StoreException {
        org.redoubt.audit.testing.MemoryAuditLog audited = new org.redoubt.audit.testing.MemoryAuditLog();
        org.redoubt.audit.AuditRecorder recorder = new org.redoubt.audit.AuditRecorder(failure -> {
            throw new AssertionError(failure);
        });
        recorder.bind(audited);
        Vault vault = boot(suite);
        PinLock lock = new PinLock(vault, recorder);
        lock.rules(new PinRules(4, PinQuality.NUMERIC, 3));
        lock.setPin(pin("2468"));
        lock.lock();
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("1111"))));
        lock.unlock(pin("2468"));
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.changePin(pin("0000"), pin("1357"))));
        lock.lock();
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("1112"))));
        assertEquals(Reason.WIPED, reason(() -> lock.unlock(pin("1113"))));
        lock.setPin(pin("9753"));
        lock.wipe();

        List<String> recorded = audited.tail(20).stream()
                .map(entry -> entry.event().kind() + " " + entry.event().reason() + " " + entry.event().details())
                .toList();
        assertEquals(List.of("UNLOCK_FAILED WRONG_PIN {failures=1, operation=unlock}",
                "UNLOCK_SUCCEEDED  {}",
                "UNLOCK_FAILED WRONG_PIN {failures=1, operation=changePin}",
                "UNLOCK_FAILED WRONG_PIN {failures=2, operation=unlock}",
                "UNLOCK_FAILED WIPED {failures=0, operation=unlock}",
                "WIPE  {trigger=maxFailedForWipe}",
                "WIPE  {trigger=request}"), recorded);
        for (String line : recorded) {
            for (String secret : List.of("2468", "1111", "0000", "1357", "1112", "1113", "9753")) {
                assertFalse(line.contains(secret), "a PIN in the audit log: " + line);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void changingThePinKeepsEverything(Suite suite) throws StoreException {
        Vault vault = boot(suite);
        PinLock lock = new PinLock(vault);
        lock.setPin(pin("2468"));
        new ContactBook(vault).add("Chen Wei", "+8613800000000");
        vault.lock();
        new MessageBox(vault).deliver("+8613800000000", "你好", T0);
        lock.unlock(pin("2468"));
        lock.changePin(pin("2468"), pin("97531"));
        lock.lock();
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("2468"))));
        lock.unlock(pin("97531"));
        assertEquals("Chen Wei", new ContactBook(vault).list().get(0).name());
        assertEquals("你好", new MessageBox(vault).thread("+8613800000000").get(0).body());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aWipeDestroysTheKeysAndLeavesAnEmptyWorkingStore(Suite suite) throws Exception {
        Vault vault = boot(suite);
        PinLock lock = new PinLock(vault);
        lock.setPin(pin("2468"));
        new MessageBox(vault).deliver("+4915550004", "wipe-me", T0);
        Path stolen = Files.createDirectories(data.resolveSibling(data.getFileName() + "-stolen"));
        copy(data.resolve("stores").resolve(Database.FILE), stolen.resolve(Database.FILE));
        copy(data.resolve("keys/storage/keyring.json"), stolen.resolve("keyring.json"));
        lock.lock();
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("0000"))));

        lock.wipe();
        assertEquals(LockState.NO_PIN, lock.state());
        assertEquals(0, lock.failedAttempts());
        assertFalse(Files.exists(data.resolve("keys/storage/keyring.json")));
        assertFalse(Files.exists(data.resolve("secrets/storage-kek.secret")), "the storage's device secret is gone");

        lock.setPin(pin("1357"));
        MessageBox messages = new MessageBox(vault);
        assertTrue(messages.threads().isEmpty(), "a wiped store starts empty");
        messages.deliver("+4915550005", "after the wipe", T0);
        assertEquals(1, messages.threads().size(), "and works");
        vault.close();

        // Someone who kept the old database and keyring, and knows the old PIN, still reads nothing.
        copy(stolen.resolve(Database.FILE), data.resolve("stores").resolve(Database.FILE));
        copy(stolen.resolve("keyring.json"), data.resolve("keys/storage/keyring.json"));
        PinLock restored = new PinLock(boot(suite));
        assertEquals(Reason.WRONG_PIN, reason(() -> restored.unlock(pin("2468"))));
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void badInputGetsAReason(Suite suite) throws StoreException {
        Vault vault = boot(suite);
        PinLock lock = new PinLock(vault);
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> lock.setPin(pin("12"))));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> lock.setPin(pin("12-4"))));
        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.setPin(pin("12a4"))), "letters only for ALPHANUMERIC");
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> lock.setPin(null)));
        lock.setPin(pin("2468"));
        MessageBox messages = new MessageBox(vault);
        ContactBook contacts = new ContactBook(vault);
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> messages.deliver("a name longer than thirty-two chars", "x", T0)));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> messages.deliver(" Padded", "x", T0)));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> messages.deliver("line\nbreak", "x", T0)));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> messages.addSent("Redoubt", "x", T0)));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> messages.deliver("123", "x".repeat(8193), T0)));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> messages.deliver("123", "bell\u0007", T0)));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> messages.deliver("123", "x", null)));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> messages.search("")));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> contacts.add(" ", "123")));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> contacts.add("x".repeat(65), "123")));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> contacts.update(null)));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> new CallHistory(vault).log("123", CallKind.INCOMING, T0,
                Duration.ofSeconds(-1))));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> lock.changePin(pin("2468"), pin("1"))));
        assertTrue(messages.threads().isEmpty(), "nothing was stored by the refused calls");
        long fromName = messages.deliver("Redoubt Bank", "Your code is 4711", T0);
        assertEquals(List.of(fromName), messages.thread("Redoubt Bank").stream().map(Message::id).toList(),
                "an alphanumeric sender is a thread of its own");
        assertEquals(0, lock.failedAttempts(), "a refused new PIN is not a failed attempt");
    }
}
