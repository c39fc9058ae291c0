package org.redoubt.bench.crypto;

import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureCheck;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.api.VerificationKey;

/**
 * Sign and verify throughput of the real {@link CryptoProvider} (whatever {@link ServiceLoader}
 * finds on the class path: crypto-bc) per signature scheme, over a fixed 64-byte message. Each
 * operation is one public API call, exactly as a caller pays it: key decoding and validation,
 * signature decoding, hashing (SM2: including Z over the distinguishing identifier) and the
 * curve arithmetic. Run by {@code bench/crypto.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBench {

    /** The scheme, by {@link SignatureScheme#id()}. */
    @Param({"ed25519", "ecdsa-p256-sha256", "sm2-sm3"})
    public String scheme;

    private SigningKey signingKey;
    private VerificationKey verificationKey;
    private byte[] message;
    private byte[] signature;
    private CryptoProvider provider;

    /** Loads the provider, makes a key pair and one valid signature for the verify benchmark. */
    @Setup(Level.Trial)
    public void setUp() {
        provider = loadProvider();
        SignatureScheme s = SignatureScheme.fromId(scheme)
                .orElseThrow(() -> new IllegalArgumentException("unknown scheme " + scheme));
        DistinguishingId id = s.needsDistinguishingId() ? DistinguishingId.of("1234567812345678") : DistinguishingId.NONE;
        signingKey = provider.generateSigningKey(s, id);
        verificationKey = signingKey.verificationKey();
        message = new byte[64];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (i * 31 + 7);
        }
        signature = signingKey.sign(message);
        SignatureCheck check = provider.verify(verificationKey, message, signature);
        if (check != SignatureCheck.VALID) {
            throw new IllegalStateException(scheme + ": own signature does not verify: " + check);
        }
    }

    /** Clears the private key. */
    @TearDown(Level.Trial)
    public void tearDown() {
        signingKey.close();
    }

    /** @return the signature (consumed by JMH) */
    @Benchmark
    public byte[] sign() {
        return signingKey.sign(message);
    }

    /** @return the outcome (consumed by JMH); always VALID */
    @Benchmark
    public SignatureCheck verify() {
        return provider.verify(verificationKey, message, signature);
    }

    static CryptoProvider loadProvider() {
        Iterator<CryptoProvider> providers = ServiceLoader.load(CryptoProvider.class).iterator();
        if (!providers.hasNext()) {
            throw new IllegalStateException("no CryptoProvider on the class path (crypto-bc missing?)");
        }
        return providers.next();
    }
}
