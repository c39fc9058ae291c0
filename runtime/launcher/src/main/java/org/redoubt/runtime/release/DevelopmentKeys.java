package org.redoubt.runtime.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;

/**
 * The build's development keys: one key per role and a version-1 root that lists them, signed by
 * the root key. They live under the build's {@code target/} directory, are created on the first
 * build and reused by later ones (so a data directory provisioned by one build boots the next),
 * and are never committed. A clean build makes a new root: handsets provisioned with the old one
 * then refuse its releases, exactly as a real handset would.
 *
 * <p>The roles use different schemes so that every development boot exercises a mixed-suite root:
 * root and release Ed25519, policy ECDSA P-256, command SM2.
 *
 * <p>Files: {@code <role>.<scheme>.pem} (PKCS#8, mode 0600) and {@code root.json} (the signed root).
 */
public final class DevelopmentKeys implements AutoCloseable {

    /** The signed root's file name. */
    public static final String ROOT_FILE = "root.json";
    private static final Duration ROOT_LIFETIME = Duration.ofDays(5 * 365);
    private static final Map<Role, SignatureScheme> SCHEMES = Map.of(
            Role.ROOT, SignatureScheme.ED25519,
            Role.RELEASE, SignatureScheme.ED25519,
            Role.POLICY, SignatureScheme.ECDSA_P256_SHA256,
            Role.COMMAND, SignatureScheme.SM2_SM3);
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private final Map<Role, SigningKey> keys;
    private final byte[] rootEnvelope;

    private DevelopmentKeys(Map<Role, SigningKey> keys, byte[] rootEnvelope) {
        this.keys = keys;
        this.rootEnvelope = rootEnvelope;
    }

    /**
     * @param directory where the keys are, or are to be created
     * @param provider  generates, imports and signs
     * @param now       the root's issue time when a new root is made
     * @return the keys
     * @throws IOException when the files cannot be read or written, or a key file is not a key
     */
    public static DevelopmentKeys loadOrCreate(Path directory, CryptoProvider provider, Instant now)
            throws IOException {
        Objects.requireNonNull(provider, "provider");
        Files.createDirectories(directory);
        Map<Role, SigningKey> keys = new EnumMap<>(Role.class);
        boolean created = false;
        for (Role role : Role.values()) {
            SignatureScheme scheme = SCHEMES.get(role);
            Path file = directory.resolve(role.id() + "." + scheme.id() + ".pem");
            DistinguishingId id = scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE;
            if (Files.exists(file)) {
                keys.put(role, read(file, scheme, id, provider));
            } else {
                SigningKey key = provider.generateSigningKey(scheme, id);
                write(file, key);
                keys.put(role, key);
                created = true;
            }
        }
        Path rootFile = directory.resolve(ROOT_FILE);
        byte[] root;
        if (created || !Files.exists(rootFile)) {
            root = signedRoot(keys, now);
            Files.write(rootFile, root);
        } else {
            root = Files.readAllBytes(rootFile);
        }
        return new DevelopmentKeys(keys, root);
    }

    /**
     * @param role a role
     * @return its development key
     */
    public SigningKey key(Role role) {
        return keys.get(role);
    }

    /** @return the signed version-1 root listing these keys */
    public byte[] rootEnvelope() {
        return rootEnvelope.clone();
    }

    @Override
    public void close() {
        keys.values().forEach(SigningKey::close);
    }

    private static byte[] signedRoot(Map<Role, SigningKey> keys, Instant now) {
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        keys.forEach((role, key) -> roles.put(role, new RoleEntry(1, List.of(key.verificationKey()))));
        byte[] payload = TrustRootWriter.write(1, now, now.plus(ROOT_LIFETIME), roles);
        return EnvelopeCodec.encode(EnvelopeSigner.sign(TrustRoot.PAYLOAD_TYPE, payload, List.of(keys.get(Role.ROOT))));
    }

    private static SigningKey read(Path file, SignatureScheme scheme, DistinguishingId id, CryptoProvider provider)
            throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!pem.startsWith(PEM_BEGIN) || !pem.endsWith(PEM_END)) {
            throw new IOException(file + " is not a PEM private key");
        }
        byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.substring(PEM_BEGIN.length(), pem.length() - PEM_END.length()));
        try {
            return provider.importSigningKey(scheme, pkcs8, id);
        } catch (CryptoException e) {
            throw new IOException(file + " is not a " + scheme.id() + " private key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static void write(Path file, SigningKey key) throws IOException {
        byte[] pkcs8 = key.encodePrivateKey();
        try {
            String pem = PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8) + "\n"
                    + PEM_END + "\n";
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
