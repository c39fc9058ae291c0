package org.redoubt.crypto.sealed.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.redoubt.crypto.api.AeadAlgorithm;
import org.redoubt.crypto.api.AeadCipher;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.SealingKeyPair;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.sealed.DeviceSecret;
import org.redoubt.crypto.sealed.InboxSealer;
import org.redoubt.crypto.sealed.RecordSealer;
import org.redoubt.crypto.sealed.SealedStorage;
import org.redoubt.crypto.sealed.SealedStorageException;
import org.redoubt.crypto.sealed.SealedStorageException.Reason;
import org.redoubt.crypto.sealed.StorageState;

/**
 * The key hierarchy over {@code keyring.json} in one directory. Thread-safe: every operation
 * holds the hierarchy's lock, which also keeps a data key from being cleared while a record is
 * being sealed with it.
 */
public final class KeyHierarchy implements SealedStorage {

    /** What a store's name may be. */
    static final Pattern STORE_NAME = Pattern.compile("[a-z0-9-]{1,32}");
    /** The keyring's file name. */
    public static final String KEYRING = "keyring.json";

    private static final byte RECORD_FORMAT = 1;
    private static final int HEADER = 2;
    private static final int PIN_KEY_LENGTH = 32;
    private static final int DEVICE_KEY_LENGTH = 32;
    private static final int SALT_LENGTH = 16;
    private static final byte[] KEK_INFO = utf8("redoubt/storage/kek/v1");
    private static final byte[] CHECK_AAD = utf8("redoubt/storage/kek-check/v1");
    private static final String DEVICE_SECRET_PURPOSE = "storage-kek";

    private final Path file;
    private final CryptoProvider provider;
    private final DeviceSecret deviceSecret;
    private final Supplier<Suite> activeSuite;
    private final PinKdfParameters cost;

    private Keyring keyring;
    private SecretBytes kek;
    private final Map<String, AeadCipher> dataKeys = new HashMap<>();

    /**
     * @param directory    where {@value #KEYRING} lives (created with mode 0700)
     * @param provider     the primitives
     * @param deviceSecret the handset-bound half of the key-encryption key
     * @param activeSuite  the suite for a new keyring, asked at {@link #initialize}
     * @param cost         the Argon2id cost for a new keyring or a PIN change
     */
    public KeyHierarchy(Path directory, CryptoProvider provider, DeviceSecret deviceSecret, Supplier<Suite> activeSuite,
            PinKdfParameters cost) {
        this.file = directory.resolve(KEYRING);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.deviceSecret = Objects.requireNonNull(deviceSecret, "deviceSecret");
        this.activeSuite = Objects.requireNonNull(activeSuite, "activeSuite");
        this.cost = Objects.requireNonNull(cost, "cost");
    }

    @Override
    public synchronized StorageState state() {
        if (kek != null) {
            return StorageState.UNLOCKED;
        }
        return Files.exists(file) ? StorageState.LOCKED : StorageState.UNINITIALIZED;
    }

    @Override
    public synchronized void initialize(char[] pin) throws SealedStorageException {
        if (Files.exists(file)) {
            throw new SealedStorageException(Reason.ALREADY_INITIALIZED, "a keyring exists at " + file
                    + "; it is never overwritten", null);
        }
        Suite suite = activeSuite.get();
        byte[] salt = provider.randomBytes(SALT_LENGTH);
        SecretBytes key = deriveKek(pin, salt, suite, cost);
        try {
            Keyring created = new Keyring(suite, cost, salt, wrap(key, suite.aead(), CHECK_AAD, new byte[0]), Map.of(),
                    Map.of());
            write(created);
            lock();
            keyring = created;
            kek = key;
        } catch (SealedStorageException | RuntimeException e) {
            key.close();
            throw e;
        }
    }

    @Override
    public synchronized void unlock(char[] pin) throws SealedStorageException {
        Keyring stored = read();
        SecretBytes key = checkedKek(pin, stored);
        lock();
        keyring = stored;
        kek = key;
    }

    @Override
    public synchronized void lock() {
        dataKeys.values().forEach(AeadCipher::close);
        dataKeys.clear();
        if (kek != null) {
            kek.close();
            kek = null;
        }
        keyring = null;
    }

    @Override
    public synchronized void changePin(char[] oldPin, char[] newPin) throws SealedStorageException {
        Keyring stored = read();
        AeadAlgorithm aead = stored.suite().aead();
        byte[] salt = provider.randomBytes(SALT_LENGTH);
        try (SecretBytes oldKek = checkedKek(oldPin, stored)) {
            SecretBytes newKek = deriveKek(newPin, salt, stored.suite(), cost);
            try {
                Map<String, Keyring.Wrapped> rewrapped = new LinkedHashMap<>();
                for (Map.Entry<String, Keyring.Wrapped> entry : stored.keys().entrySet()) {
                    byte[] dataKey = unwrap(oldKek, aead, storeAad(entry.getKey(), aead), entry.getValue());
                    try {
                        rewrapped.put(entry.getKey(), wrap(newKek, aead, storeAad(entry.getKey(), aead), dataKey));
                    } finally {
                        Arrays.fill(dataKey, (byte) 0);
                    }
                }
                Map<String, Keyring.Inbox> inboxes = new LinkedHashMap<>();
                for (Map.Entry<String, Keyring.Inbox> entry : stored.inboxes().entrySet()) {
                    byte[] inboxAad = inboxKeyAad(entry.getKey(), stored.suite());
                    byte[] privateKey = unwrap(oldKek, aead, inboxAad, entry.getValue().privateKey());
                    try {
                        inboxes.put(entry.getKey(), new Keyring.Inbox(entry.getValue().publicKey(),
                                wrap(newKek, aead, inboxAad, privateKey)));
                    } finally {
                        Arrays.fill(privateKey, (byte) 0);
                    }
                }
                Keyring changed = new Keyring(stored.suite(), cost, salt, wrap(newKek, aead, CHECK_AAD, new byte[0]),
                        rewrapped, inboxes);
                write(changed);
                // The data keys are the same: open ciphers stay, only the key that wraps them changes.
                if (kek != null) {
                    kek.close();
                }
                keyring = changed;
                kek = newKek;
            } catch (SealedStorageException | RuntimeException e) {
                newKek.close();
                throw e;
            }
        }
    }

    @Override
    public RecordSealer sealer(String store) throws SealedStorageException {
        if (store == null || !STORE_NAME.matcher(store).matches()) {
            throw new SealedStorageException(Reason.INVALID_ARGUMENT, "a store name is 1..32 of a-z 0-9 -", null);
        }
        synchronized (this) {
            dataKey(store);
            ensureInbox(store);
        }
        return new Sealer(store);
    }

    @Override
    public InboxSealer inbox(String store) throws SealedStorageException {
        if (store == null || !STORE_NAME.matcher(store).matches()) {
            throw new SealedStorageException(Reason.INVALID_ARGUMENT, "a store name is 1..32 of a-z 0-9 -", null);
        }
        byte[] publicKey;
        synchronized (this) {
            Keyring current = keyring != null ? keyring : read();
            Keyring.Inbox inbox = current.inboxes().get(store);
            if (inbox == null && kek == null) {
                throw new SealedStorageException(Reason.LOCKED, "store " + store
                        + " has no inbox yet; it is created at the store's first use while unlocked", null);
            }
            publicKey = inbox != null ? inbox.publicKey() : ensureInbox(store).publicKey();
        }
        return new Inbox(store, publicKey);
    }

    @Override
    public synchronized void cryptoErase() throws SealedStorageException {
        lock();
        SealedStorageException failure = null;
        try {
            if (Files.exists(file)) {
                long size = Files.size(file);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(provider.randomBytes((int) Math.min(size, 1 << 20))), 0);
                    channel.force(true);
                }
                Files.delete(file);
                PrivateFiles.syncDirectory(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            failure = new SealedStorageException(Reason.IO_FAILURE, "could not destroy the keyring " + file, e);
        }
        try {
            deviceSecret.destroy(DEVICE_SECRET_PURPOSE);
        } catch (SealedStorageException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The data key of a store as a cipher; created, wrapped and persisted on first use. */
    private AeadCipher dataKey(String store) throws SealedStorageException {
        if (kek == null) {
            throw new SealedStorageException(Files.exists(file) ? Reason.LOCKED : Reason.NOT_INITIALIZED,
                    "sealed storage is " + state().name().toLowerCase(Locale.ROOT), null);
        }
        AeadCipher cipher = dataKeys.get(store);
        if (cipher != null) {
            return cipher;
        }
        AeadAlgorithm aead = keyring.suite().aead();
        Keyring.Wrapped wrapped = keyring.keys().get(store);
        byte[] key;
        if (wrapped == null) {
            key = provider.randomBytes(aead.keyLength());
            try {
                Keyring grown = keyring.with(store, wrap(kek, aead, storeAad(store, aead), key));
                write(grown);
                keyring = grown;
            } catch (SealedStorageException | RuntimeException e) {
                Arrays.fill(key, (byte) 0);
                throw e;
            }
        } else {
            key = unwrap(kek, aead, storeAad(store, aead), wrapped);
        }
        try {
            cipher = provider.aead(aead, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        dataKeys.put(store, cipher);
        return cipher;
    }

    /** The inbox key pair of a store; created, its private key wrapped and persisted, on first use. */
    private Keyring.Inbox ensureInbox(String store) throws SealedStorageException {
        Keyring.Inbox inbox = keyring.inboxes().get(store);
        if (inbox != null) {
            return inbox;
        }
        try (SealingKeyPair pair = provider.generateSealingKeyPair(keyring.suite())) {
            byte[] privateKey = pair.privateKey();
            try {
                inbox = new Keyring.Inbox(pair.publicKey(), wrap(kek, keyring.suite().aead(),
                        inboxKeyAad(store, keyring.suite()), privateKey));
            } finally {
                Arrays.fill(privateKey, (byte) 0);
            }
        }
        Keyring grown = keyring.withInbox(store, inbox);
        write(grown);
        keyring = grown;
        return inbox;
    }

    private SecretBytes checkedKek(char[] pin, Keyring stored) throws SealedStorageException {
        SecretBytes key = deriveKek(pin, stored.salt(), stored.suite(), stored.kdf());
        try (AeadCipher check = provider.aead(stored.suite().aead(), key.bytes())) {
            check.open(stored.check().nonce(), CHECK_AAD, stored.check().sealed());
            return key;
        } catch (CryptoException e) {
            key.close();
            throw new SealedStorageException(Reason.WRONG_PIN, "the PIN does not unlock sealed storage", null);
        }
    }

    private SecretBytes deriveKek(char[] pin, byte[] salt, Suite suite, PinKdfParameters kdf)
            throws SealedStorageException {
        if (pin == null || pin.length == 0) {
            throw new SealedStorageException(Reason.INVALID_ARGUMENT, "a PIN needs at least one character", null);
        }
        byte[] pinKey = null;
        byte[] deviceKey = null;
        byte[] material = null;
        try {
            pinKey = provider.derivePinKey(pin, salt, kdf, PIN_KEY_LENGTH);
            deviceKey = deviceSecret.deriveKey(suite.hash(), DEVICE_SECRET_PURPOSE, DEVICE_KEY_LENGTH);
            material = new byte[pinKey.length + deviceKey.length];
            System.arraycopy(pinKey, 0, material, 0, pinKey.length);
            System.arraycopy(deviceKey, 0, material, pinKey.length, deviceKey.length);
            return new SecretBytes(provider.hkdf(suite.hash(), material, salt, KEK_INFO, suite.aead().keyLength()));
        } catch (CryptoException e) {
            throw new SealedStorageException(Reason.INVALID_ARGUMENT, "cannot derive a key from this PIN: "
                    + e.getMessage(), e);
        } finally {
            clear(pinKey);
            clear(deviceKey);
            clear(material);
        }
    }

    private Keyring.Wrapped wrap(SecretBytes key, AeadAlgorithm aead, byte[] associatedData, byte[] plaintext) {
        byte[] nonce = provider.randomBytes(AeadAlgorithm.NONCE_LENGTH);
        try (AeadCipher cipher = provider.aead(aead, key.bytes())) {
            return new Keyring.Wrapped(nonce, cipher.seal(nonce, associatedData, plaintext));
        }
    }

    private byte[] unwrap(SecretBytes key, AeadAlgorithm aead, byte[] associatedData, Keyring.Wrapped wrapped)
            throws SealedStorageException {
        try (AeadCipher cipher = provider.aead(aead, key.bytes())) {
            return cipher.open(wrapped.nonce(), associatedData, wrapped.sealed());
        } catch (CryptoException e) {
            throw new SealedStorageException(Reason.TAMPERED, "a wrapped data key does not authenticate", e);
        }
    }

    private Keyring read() throws SealedStorageException {
        try {
            return KeyringCodec.decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new SealedStorageException(Reason.NOT_INITIALIZED, "no keyring at " + file, e);
        } catch (IOException e) {
            throw new SealedStorageException(Reason.IO_FAILURE, "cannot read the keyring " + file, e);
        }
    }

    private void write(Keyring next) throws SealedStorageException {
        try {
            PrivateFiles.writeAtomically(file, KeyringCodec.encode(next));
        } catch (IOException e) {
            throw new SealedStorageException(Reason.IO_FAILURE, "cannot write the keyring " + file, e);
        }
    }

    private static byte[] storeAad(String store, AeadAlgorithm aead) {
        return utf8("redoubt/storage/data-key/v1\u0000" + store + "\u0000" + aead.id());
    }

    private static byte[] inboxKeyAad(String store, Suite suite) {
        return utf8("redoubt/storage/inbox-key/v1\u0000" + store + "\u0000" + suite.name());
    }

    private static byte[] inboxRecordAad(String store, byte[] associatedData) {
        ByteArrayOutputStream aad = new ByteArrayOutputStream();
        aad.writeBytes(utf8("redoubt/storage/inbox/v1\u0000" + store + "\u0000"));
        aad.writeBytes(associatedData);
        return aad.toByteArray();
    }

    private static byte[] recordAad(byte[] header, String store, byte[] associatedData) {
        ByteArrayOutputStream aad = new ByteArrayOutputStream();
        aad.writeBytes(utf8("redoubt/storage/record/v1\u0000"));
        aad.writeBytes(header);
        aad.writeBytes(utf8(store + "\u0000"));
        aad.writeBytes(associatedData);
        return aad.toByteArray();
    }

    private static byte algorithmId(AeadAlgorithm aead) {
        return switch (aead) {
            case AES_256_GCM -> 1;
            case SM4_GCM -> 2;
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void clear(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** One store's sealer: asks the hierarchy for the data key at every call. */
    private final class Sealer implements RecordSealer {

        private final String store;

        Sealer(String store) {
            this.store = store;
        }

        @Override
        public String store() {
            return store;
        }

        @Override
        public byte[] seal(byte[] associatedData, byte[] plaintext) throws SealedStorageException {
            Objects.requireNonNull(associatedData, "associatedData");
            Objects.requireNonNull(plaintext, "plaintext");
            synchronized (KeyHierarchy.this) {
                AeadCipher cipher = dataKey(store);
                byte[] header = {RECORD_FORMAT, algorithmId(cipher.algorithm())};
                byte[] nonce = provider.randomBytes(AeadAlgorithm.NONCE_LENGTH);
                byte[] sealed = cipher.seal(nonce, recordAad(header, store, associatedData), plaintext);
                return ByteBuffer.allocate(HEADER + nonce.length + sealed.length).put(header).put(nonce).put(sealed)
                        .array();
            }
        }

        @Override
        public byte[] open(byte[] associatedData, byte[] sealed) throws SealedStorageException {
            Objects.requireNonNull(associatedData, "associatedData");
            Objects.requireNonNull(sealed, "sealed");
            synchronized (KeyHierarchy.this) {
                AeadCipher cipher = dataKey(store);
                if (sealed.length < HEADER + AeadAlgorithm.NONCE_LENGTH + AeadAlgorithm.TAG_LENGTH
                        || sealed[0] != RECORD_FORMAT || sealed[1] != algorithmId(cipher.algorithm())) {
                    throw new SealedStorageException(Reason.MALFORMED, "not a sealed record of store " + store, null);
                }
                byte[] header = Arrays.copyOfRange(sealed, 0, HEADER);
                byte[] nonce = Arrays.copyOfRange(sealed, HEADER, HEADER + AeadAlgorithm.NONCE_LENGTH);
                byte[] body = Arrays.copyOfRange(sealed, HEADER + AeadAlgorithm.NONCE_LENGTH, sealed.length);
                try {
                    return cipher.open(nonce, recordAad(header, store, associatedData), body);
                } catch (CryptoException e) {
                    throw new SealedStorageException(Reason.TAMPERED, "a sealed record of store " + store
                            + " does not authenticate", e);
                }
            }
        }
    
        @Override
        public byte[] openInbox(byte[] associatedData, byte[] sealed) throws SealedStorageException {
            Objects.requireNonNull(associatedData, "associatedData");
            Objects.requireNonNull(sealed, "sealed");
            synchronized (KeyHierarchy.this) {
                dataKey(store); // fails LOCKED or NOT_INITIALIZED like every other operation
                Keyring.Inbox inbox = ensureInbox(store);
                byte[] privateKey = unwrap(kek, keyring.suite().aead(), inboxKeyAad(store, keyring.suite()),
                        inbox.privateKey());
                try {
                    return provider.openSealed(privateKey, inboxRecordAad(store, associatedData), sealed);
                } catch (CryptoException e) {
                    throw new SealedStorageException(Reason.TAMPERED, "an inbox record of store " + store
                            + " does not authenticate", e);
                } finally {
                    Arrays.fill(privateKey, (byte) 0);
                }
            }
        }
    }

    /** One store's inbox: seals to its public key, needs no key-encryption key. */
    private final class Inbox implements InboxSealer {

        private final String store;
        private final byte[] publicKey;

        Inbox(String store, byte[] publicKey) {
            this.store = store;
            this.publicKey = publicKey.clone();
        }

        @Override
        public String store() {
            return store;
        }

        @Override
        public byte[] seal(byte[] associatedData, byte[] plaintext) throws SealedStorageException {
            Objects.requireNonNull(associatedData, "associatedData");
            Objects.requireNonNull(plaintext, "plaintext");
            try {
                return provider.sealTo(publicKey, inboxRecordAad(store, associatedData), plaintext);
            } catch (CryptoException e) {
                throw new SealedStorageException(Reason.INVALID_ARGUMENT, "the inbox key of store " + store
                        + " is damaged", e);
            }
        }
    }
}
