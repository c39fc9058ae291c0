package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;

/**
 * The nonces of the commands carried out, each kept until its command expires (SECURITY.md row
 * 10), in {@code nonces.json}. A command whose nonce is here is a replay, whatever its version or
 * target. Expired entries are dropped when a new one is written.
 *
 * <p>Not thread-safe: the agent uses it from its one thread.
 */
final class NonceLedger {

    static final String FILE = "nonces.json";
    private static final int MAX_BYTES = 1 << 20;
    private static final int MAX_ENTRIES = 10_000;

    private final StateFiles files;
    private final Map<String, Instant> nonces;

    private NonceLedger(StateFiles files, Map<String, Instant> nonces) {
        this.files = files;
        this.nonces = nonces;
    }

    /**
     * @param files the agent's files
     * @return the stored ledger
     * @throws IOException when the file cannot be read or is damaged (the agent then refuses to run
     *                     rather than forget which commands it carried out)
     */
    static NonceLedger load(StateFiles files) throws IOException {
        Optional<byte[]> stored = files.read(FILE, MAX_BYTES);
        Map<String, Instant> nonces = new LinkedHashMap<>();
        if (stored.isPresent()) {
            try {
                JsonObject json = JsonParser.parseObject(stored.get(), JsonLimits.DEFAULT.withMaxBytes(MAX_BYTES))
                        .requireOnly(Set.of("format", "nonces"));
                if (json.requireInt("format") != 1) {
                    throw new IOException(FILE + " has an unknown format");
                }
                JsonObject entries = json.requireObject("nonces");
                for (String nonce : entries.names()) {
                    nonces.put(nonce, Instant.parse(entries.requireString(nonce)));
                }
            } catch (JsonException | DateTimeParseException e) {
                throw new IOException(FILE + " is damaged: " + e.getMessage(), e);
            }
        }
        return new NonceLedger(files, nonces);
    }

    /** @return whether a command with this nonce was carried out and has not expired yet */
    boolean seen(String nonce) {
        return nonces.containsKey(nonce);
    }

    /**
     * Remembers a nonce until its command expires, on disk before returning.
     *
     * @param nonce   the command's nonce
     * @param expires the command's expiry
     * @param now     the time floor: entries that expired before it are dropped
     * @throws IOException when it cannot be stored
     */
    void remember(String nonce, Instant expires, Instant now) throws IOException {
        nonces.values().removeIf(until -> !until.isAfter(now));
        if (nonces.size() >= MAX_ENTRIES) {
            throw new IOException("more than " + MAX_ENTRIES + " unexpired commands");
        }
        nonces.put(nonce, expires);
        JsonObject.Builder entries = JsonObject.builder();
        nonces.forEach((key, until) -> entries.put(key, until.toString()));
        files.write(FILE, JsonWriter.indented().writeUtf8(JsonObject.builder().put("format", 1)
                .put("nonces", entries.build()).build()));
    }
}
