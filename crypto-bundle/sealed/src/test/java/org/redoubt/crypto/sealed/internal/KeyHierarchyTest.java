package org.redoubt.crypto.sealed.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.sealed.InboxSealer;
import org.redoubt.crypto.sealed.RecordSealer;
import org.redoubt.crypto.sealed.SealedStorageException;
import org.redoubt.crypto.sealed.SealedStorageException.Reason;
import org.redoubt.crypto.sealed.StorageState;

/** The key hierarchy with the real provider, in both suites (SECURITY.md row 15). */
class KeyHierarchyTest {

    private static final CryptoProvider PROVIDER = ServiceLoader.load(CryptoProvider.class).findFirst().orElseThrow();
    /** Cheap enough for tests; the handset's cost is configured on the component. */
    private static final PinKdfParameters CHEAP = new PinKdfParameters(8 * 1024, 1, 1);
    private static final byte[] MARKER = "call Anna at 0171 5550199 re: convoy".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROW_7 = "row:7".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    private KeyHierarchy hierarchy(Suite suite) {
        return hierarchy(suite, data);
    }

    private static KeyHierarchy hierarchy(Suite suite, Path data) {
        return new KeyHierarchy(data.resolve("keys/storage"), PROVIDER,
                new FileDeviceSecret(data.resolve("secrets"), PROVIDER), () -> suite, CHEAP);
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void recordsRoundTripAndTheStatesFollowTheLifecycle(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        assertEquals(StorageState.UNINITIALIZED, storage.state());
        storage.initialize(pin("1234"));
        assertEquals(StorageState.UNLOCKED, storage.state());
        RecordSealer messages = storage.sealer("messages");
        byte[] sealed = messages.seal(ROW_7, MARKER);
        assertArrayEquals(MARKER, messages.open(ROW_7, sealed));

        storage.lock();
        assertEquals(StorageState.LOCKED, storage.state());
        assertEquals(Reason.LOCKED, reason(() -> messages.open(ROW_7, sealed)));
        assertEquals(Reason.LOCKED, reason(() -> storage.sealer("messages")));

        KeyHierarchy afterReboot = hierarchy(Suite.NIST);
        afterReboot.unlock(pin("1234"));
        assertArrayEquals(MARKER, afterReboot.sealer("messages").open(ROW_7, sealed),
                "the keyring keeps its own suite whatever is active now");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aWrongPinChangesNothing(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        storage.initialize(pin("1234"));
        byte[] sealed = storage.sealer("contacts").seal(ROW_7, MARKER);
        storage.lock();
        byte[] keyring = Files.readAllBytes(keyring());

        assertEquals(Reason.WRONG_PIN, reason(() -> storage.unlock(pin("1235"))));
        assertEquals(StorageState.LOCKED, storage.state());
        assertArrayEquals(keyring, Files.readAllBytes(keyring()));
        storage.unlock(pin("1234"));
        assertArrayEquals(MARKER, storage.sealer("contacts").open(ROW_7, sealed));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void changingThePinRewrapsKeysAndLeavesRecordsAsTheyAre(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        storage.initialize(pin("1234"));
        byte[] sealed = storage.sealer("messages").seal(ROW_7, MARKER);
        Path record = Files.write(data.resolve("messages.db"), sealed);
        byte[] before = Files.readAllBytes(keyring());

        storage.changePin(pin("1234"), pin("98765"));

        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(keyring())), "the keyring was rewritten");
        assertArrayEquals(sealed, Files.readAllBytes(record), "records are not re-encrypted");
        assertArrayEquals(MARKER, storage.sealer("messages").open(ROW_7, sealed), "still open after the change");
        storage.lock();
        assertEquals(Reason.WRONG_PIN, reason(() -> storage.unlock(pin("1234"))));
        storage.unlock(pin("98765"));
        assertArrayEquals(MARKER, storage.sealer("messages").open(ROW_7, Files.readAllBytes(record)));
        assertEquals(Reason.WRONG_PIN, reason(() -> storage.changePin(pin("1234"), pin("0000"))));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void whatArrivesWhileLockedIsSealedToTheInboxAndOpensOnlyAfterUnlock(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        storage.initialize(pin("1234"));
        storage.sealer("messages");
        storage.lock();

        KeyHierarchy afterReboot = hierarchy(suite);
        assertEquals(StorageState.LOCKED, afterReboot.state());
        InboxSealer inbox = afterReboot.inbox("messages");
        byte[] arrived = inbox.seal(ROW_7, MARKER);
        assertFalse(new String(arrived, StandardCharsets.ISO_8859_1).contains("convoy"));
        assertEquals(Reason.LOCKED, reason(() -> afterReboot.inbox("contacts")),
                "no inbox can be created without the PIN");

        afterReboot.unlock(pin("1234"));
        RecordSealer messages = afterReboot.sealer("messages");
        afterReboot.changePin(pin("1234"), pin("4321"));
        assertArrayEquals(MARKER, messages.openInbox(ROW_7, arrived), "the inbox key survives a PIN change");
        assertEquals(Reason.TAMPERED, reason(() -> messages.openInbox("row:8".getBytes(StandardCharsets.UTF_8), arrived)));
        assertEquals(Reason.TAMPERED, reason(() -> afterReboot.sealer("contacts").openInbox(ROW_7, arrived)),
                "another store's inbox does not open it");
        byte[] flipped = arrived.clone();
        flipped[flipped.length - 1] ^= 1;
        assertEquals(Reason.TAMPERED, reason(() -> messages.openInbox(ROW_7, flipped)));
        afterReboot.lock();
        assertEquals(Reason.LOCKED, reason(() -> messages.openInbox(ROW_7, arrived)));
        byte[] alsoWhileLocked = afterReboot.inbox("messages").seal(ROW_7, MARKER);

        afterReboot.cryptoErase();
        assertEquals(Reason.NOT_INITIALIZED, reason(() -> afterReboot.inbox("messages")));
        afterReboot.initialize(pin("1234"));
        assertEquals(Reason.TAMPERED, reason(() -> afterReboot.sealer("messages").openInbox(ROW_7, alsoWhileLocked)),
                "after a wipe the old inbox records are unreadable");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void tamperedOrMisplacedRecordsDoNotOpen(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        storage.initialize(pin("1234"));
        RecordSealer messages = storage.sealer("messages");
        byte[] sealed = messages.seal(ROW_7, MARKER);
        for (int i = 0; i < sealed.length; i++) {
            byte[] flipped = sealed.clone();
            flipped[i] ^= 0x01;
            Reason reason = reason(() -> messages.open(ROW_7, flipped));
            assertTrue(reason == Reason.TAMPERED || reason == Reason.MALFORMED, "byte " + i + ": " + reason);
        }
        assertEquals(Reason.MALFORMED, reason(() -> messages.open(ROW_7, java.util.Arrays.copyOf(sealed, 20))));
        assertEquals(Reason.TAMPERED, reason(() -> messages.open("row:8".getBytes(StandardCharsets.UTF_8), sealed)));
        assertEquals(Reason.TAMPERED, reason(() -> storage.sealer("contacts").open(ROW_7, sealed)),
                "a record moved to another store");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aTamperedKeyringIsNeverUsed(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        storage.initialize(pin("1234"));
        storage.sealer("messages").seal(ROW_7, MARKER);
        storage.lock();
        String json = Files.readString(keyring());
        Keyring original = KeyringCodec.decode(Files.readAllBytes(keyring()));

        Keyring badCheck = new Keyring(original.suite(), original.kdf(), original.salt(),
                flipped(original.check()), original.keys(), original.inboxes());
        Files.write(keyring(), KeyringCodec.encode(badCheck));
        assertEquals(Reason.WRONG_PIN, reason(() -> storage.unlock(pin("1234"))),
                "a damaged check value cannot be told from a wrong PIN, and unlocks nothing");

        Keyring badKey = original.with("messages", flipped(original.keys().get("messages")));
        Files.write(keyring(), KeyringCodec.encode(badKey));
        storage.unlock(pin("1234"));
        assertEquals(Reason.TAMPERED, reason(() -> storage.sealer("messages")));
        storage.lock();

        Files.writeString(keyring(), json.replace("\"format\"", "\"sideload\": 1, \"format\""));
        assertEquals(Reason.MALFORMED, reason(() -> storage.unlock(pin("1234"))));
        Files.writeString(keyring(), json.substring(0, json.length() / 2));
        assertEquals(Reason.MALFORMED, reason(() -> storage.unlock(pin("1234"))));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void aWrappedDataKeyThatWasSwappedIsTampered(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        storage.initialize(pin("1234"));
        storage.sealer("messages").seal(ROW_7, MARKER);
        storage.sealer("contacts").seal(ROW_7, MARKER);
        storage.lock();
        Keyring keyring = KeyringCodec.decode(Files.readAllBytes(keyring()));
        Keyring swapped = new Keyring(keyring.suite(), keyring.kdf(), keyring.salt(), keyring.check(),
                java.util.Map.of("messages", keyring.keys().get("contacts"), "contacts", keyring.keys().get("messages")),
                keyring.inboxes());
        Files.write(keyring(), KeyringCodec.encode(swapped));
        storage.unlock(pin("1234"));
        assertEquals(Reason.TAMPERED, reason(() -> storage.sealer("messages")));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void theKeyringIsUselessOnAnotherHandsetEvenWithThePin(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        storage.initialize(pin("1234"));
        storage.lock();
        Path other = Files.createDirectories(data.resolve("other-handset"));
        Files.createDirectories(other.resolve("keys/storage"));
        Files.copy(keyring(), other.resolve("keys/storage/keyring.json"));
        assertEquals(Reason.WRONG_PIN, reason(() -> hierarchy(suite, other).unlock(pin("1234"))));
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void nothingReadableReachesTheDisk(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        storage.initialize(pin("424242"));
        byte[] sealed = storage.sealer("messages").seal(ROW_7, MARKER);
        Files.write(data.resolve("messages.db"), sealed);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains("convoy"), file + " holds plaintext");
                assertFalse(content.contains("424242"), file + " holds the PIN");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void cryptoEraseMakesEverythingUnreadableEvenWithThePin(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        storage.initialize(pin("1234"));
        byte[] keyringBefore = null;
        byte[] sealed = storage.sealer("messages").seal(ROW_7, MARKER);
        keyringBefore = Files.readAllBytes(keyring());

        storage.cryptoErase();

        assertEquals(StorageState.UNINITIALIZED, storage.state());
        assertFalse(Files.exists(keyring()));
        assertFalse(Files.exists(data.resolve("secrets/storage-kek.secret")));
        assertEquals(Reason.NOT_INITIALIZED, reason(() -> storage.unlock(pin("1234"))));
        // Even a copy of the old keyring, taken before the wipe, no longer opens: the device secret is gone.
        Files.write(keyring(), keyringBefore);
        assertEquals(Reason.WRONG_PIN, reason(() -> storage.unlock(pin("1234"))));
        Files.delete(keyring());
        storage.initialize(pin("1234"));
        assertEquals(Reason.TAMPERED, reason(() -> storage.sealer("messages").open(ROW_7, sealed)),
                "a new hierarchy has new keys");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void badInputGetsAReason(Suite suite) throws Exception {
        KeyHierarchy storage = hierarchy(suite);
        assertEquals(Reason.NOT_INITIALIZED, reason(() -> storage.sealer("messages")));
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> storage.initialize(new char[0])));
        assertEquals(StorageState.UNINITIALIZED, storage.state(), "a refused PIN creates nothing");
        storage.initialize(pin("1234"));
        assertEquals(Reason.ALREADY_INITIALIZED, reason(() -> storage.initialize(pin("9999"))));
        for (String bad : new String[] {"", "Messages", "../x", "a".repeat(33), "a b"}) {
            assertEquals(Reason.INVALID_ARGUMENT, reason(() -> storage.sealer(bad)), bad);
        }
        assertEquals(Reason.INVALID_ARGUMENT, reason(() -> storage.changePin(pin("1234"), new char[0])));
    }

    private static Keyring.Wrapped flipped(Keyring.Wrapped wrapped) {
        byte[] sealed = wrapped.sealed().clone();
        sealed[0] ^= 1;
        return new Keyring.Wrapped(wrapped.nonce(), sealed);
    }

    private Path keyring() {
        return data.resolve("keys/storage/keyring.json");
    }

    private static char[] pin(String pin) {
        return pin.toCharArray();
    }

    private interface Call {
        void run() throws SealedStorageException;
    }

    private static Reason reason(Call call) {
        return assertThrows(SealedStorageException.class, call::run).reason();
    }
}
