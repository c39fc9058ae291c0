package org.redoubt.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.redoubt.audit.chain.ChainReport;
import org.redoubt.audit.chain.ChainVerifier;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;

/** A handset's audit directory with a real device key of one suite, outside the framework. */
public final class TestDevice {

    /** The provider every test uses. */
    public static final BouncyCastleCryptoProvider PROVIDER = new BouncyCastleCryptoProvider();

    final String deviceId;
    final Suite suite;
    final SigningKey key;
    final Path directory;

    /**
     * @param deviceId  the device
     * @param suite     its suite: the key's scheme and the chain's hash
     * @param directory its audit directory
     */
    public TestDevice(String deviceId, Suite suite, Path directory) {
        this(deviceId, suite, directory, newKey(suite));
    }

    TestDevice(String deviceId, Suite suite, Path directory, SigningKey key) {
        this.deviceId = deviceId;
        this.suite = suite;
        this.directory = directory;
        this.key = key;
    }

    static SigningKey newKey(Suite suite) {
        SignatureScheme scheme = suite.deviceKeyScheme();
        return PROVIDER.generateSigningKey(scheme,
                scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE);
    }

    CheckpointSigner signer() {
        return new CheckpointSigner(deviceId, key.verificationKey().scheme().id(), key::sign);
    }

    /**
     * @param every  a checkpoint after this many unsigned entries
     * @param timer  runs delayed checkpoints
     * @return the device's log, open
     */
    public AuditJournal open(int every, ScheduledExecutorService timer, Runnable appended, Consumer<String> journal)
            throws IOException {
        return new AuditJournal(directory, ChainFile.open(directory.resolve(AuditJournal.LOG), PROVIDER),
                Clock.systemUTC(), suite::hash, signer(), every, Duration.ofSeconds(30), timer, appended, journal);
    }

    /** @return the log file */
    public Path log() {
        return directory.resolve(AuditJournal.LOG);
    }

    /** @return the checkpoint file */
    public Path checkpoint() {
        return directory.resolve(AuditJournal.CHECKPOINT);
    }

    /** @return the verifier of this device's logs */
    public ChainVerifier verifier() {
        return new ChainVerifier(PROVIDER, deviceId, key.verificationKey());
    }

    /** @return the report on the log file and its checkpoint file */
    public ChainReport verify() throws IOException {
        return verifier().verify(Files.readAllBytes(log()),
                Files.exists(checkpoint()) ? Optional.of(Files.readAllBytes(checkpoint())) : Optional.empty());
    }
}
