package org.redoubt.fleet.cli.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.redoubt.fleet.cli.FleetException;

/** One PEM block per file (Bouncy Castle's PEM reader and writer), with a required label. */
public final class PemBlocks {

    /** The largest key or certificate file read: far above any real one. */
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private PemBlocks() {
    }

    /**
     * @param label e.g. {@code PRIVATE KEY}
     * @param der   the content
     * @return the PEM text
     */
    public static String encode(String label, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(label, der));
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return text.toString();
    }

    /**
     * @param file  the PEM file
     * @param label the label its first block must have
     * @return the DER content of that block; the caller clears it when it is secret
     * @throws FleetException when the file is missing, too large or has no such block
     */
    public static byte[] read(Path file, String label) throws FleetException {
        String text = readText(file);
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject object = reader.readPemObject();
            if (object == null || !label.equals(object.getType())) {
                throw new FleetException(file + " is not a PEM \"" + label + "\" file");
            }
            return object.getContent();
        } catch (IOException e) {
            throw new FleetException(file + " is not a valid PEM \"" + label + "\" file", e);
        }
    }

    /**
     * @param file a small text file
     * @return its content
     * @throws FleetException when it is missing, unreadable or larger than a key file can be
     */
    public static String readText(Path file) throws FleetException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new FleetException(file + " is too large for a key or certificate file");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new FleetException(file + " does not exist", e);
        } catch (IOException e) {
            throw new FleetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
