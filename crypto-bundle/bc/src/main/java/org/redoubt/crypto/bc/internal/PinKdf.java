package org.redoubt.crypto.bc.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.redoubt.crypto.api.CryptoException;
import org.redoubt.crypto.api.PinKdfParameters;

/** Argon2id (RFC 9106, version 0x13) over a PIN encoded as UTF-8. Stateless. */
final class PinKdf {

    /** Shortest salt accepted. */
    static final int MIN_SALT_LENGTH = 16;
    /** Output length range. */
    static final int MIN_LENGTH = 16;
    static final int MAX_LENGTH = 64;

    private PinKdf() {
    }

    /**
     * @param pin        the PIN (read, not cleared; its UTF-8 copy is cleared)
     * @param salt       at least 16 bytes
     * @param parameters the cost
     * @param length     16..64
     * @return the derived key
     * @throws CryptoException {@code INVALID_ARGUMENT} for an empty or unencodable PIN or a short salt
     * @throws IllegalArgumentException for a length out of range
     */
    static byte[] derive(char[] pin, byte[] salt, PinKdfParameters parameters, int length) throws CryptoException {
        Objects.requireNonNull(parameters, "parameters");
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("PIN key length must be " + MIN_LENGTH + ".." + MAX_LENGTH);
        }
        if (pin.length == 0) {
            throw new CryptoException(CryptoException.Reason.INVALID_ARGUMENT, "empty PIN", null);
        }
        if (salt.length < MIN_SALT_LENGTH) {
            throw new CryptoException(CryptoException.Reason.INVALID_ARGUMENT,
                    "the salt needs at least " + MIN_SALT_LENGTH + " bytes", null);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .build());
        byte[] password = utf8(pin);
        try {
            byte[] out = new byte[length];
            generator.generateBytes(password, out);
            return out;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static byte[] utf8(char[] pin) throws CryptoException {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = null;
        try {
            buffer = encoder.encode(CharBuffer.wrap(pin));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new CryptoException(CryptoException.Reason.INVALID_ARGUMENT, "the PIN is not valid Unicode", e);
        } finally {
            if (buffer != null && buffer.hasArray()) {
                Arrays.fill(buffer.array(), (byte) 0);
            }
        }
    }
}
