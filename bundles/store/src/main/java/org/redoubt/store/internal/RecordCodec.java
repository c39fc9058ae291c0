package org.redoubt.store.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;
import org.redoubt.store.CallKind;
import org.redoubt.store.CallRecord;
import org.redoubt.store.Contact;
import org.redoubt.store.Direction;
import org.redoubt.store.Message;
import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/**
 * Records as the bytes that get sealed: compact JSON with short member names. The id is not
 * inside; it is the database key and bound into the seal.
 */
final class RecordCodec {

    private static final JsonLimits LIMITS = JsonLimits.DEFAULT.withMaxBytes(64 * 1024).withMaxDepth(2);

    private RecordCodec() {
    }

    static byte[] message(String address, Direction direction, String body, Instant time, boolean read) {
        return JsonWriter.compact().writeUtf8(JsonObject.builder().put("a", address).put("d", direction.name())
                .put("b", body).put("t", time.toEpochMilli()).put("r", read).build());
    }

    static Message message(long id, byte[] plaintext) throws StoreException {
        try {
            JsonObject json = parse(plaintext, Set.of("a", "d", "b", "t", "r"));
            return new Message(id, json.requireString("a"), Direction.valueOf(json.requireString("d")),
                    json.requireString("b"), Instant.ofEpochMilli(json.requireLong("t")), json.requireBoolean("r"));
        } catch (JsonException | IllegalArgumentException e) {
            throw damaged("message", id, e);
        }
    }

    static byte[] contact(String name, String number) {
        return JsonWriter.compact().writeUtf8(JsonObject.builder().put("n", name).put("p", number).build());
    }

    static Contact contact(long id, byte[] plaintext) throws StoreException {
        try {
            JsonObject json = parse(plaintext, Set.of("n", "p"));
            return new Contact(id, json.requireString("n"), json.requireString("p"));
        } catch (JsonException | IllegalArgumentException e) {
            throw damaged("contact", id, e);
        }
    }

    static byte[] call(String number, CallKind kind, Instant start, Duration duration) {
        return JsonWriter.compact().writeUtf8(JsonObject.builder().put("p", number).put("k", kind.name())
                .put("s", start.toEpochMilli()).put("d", duration.toMillis()).build());
    }

    static CallRecord call(long id, byte[] plaintext) throws StoreException {
        try {
            JsonObject json = parse(plaintext, Set.of("p", "k", "s", "d"));
            return new CallRecord(id, json.requireString("p"), CallKind.valueOf(json.requireString("k")),
                    Instant.ofEpochMilli(json.requireLong("s")), Duration.ofMillis(json.requireLong("d")));
        } catch (JsonException | IllegalArgumentException e) {
            throw damaged("call", id, e);
        }
    }

    private static JsonObject parse(byte[] plaintext, Set<String> members) throws JsonException {
        return JsonParser.parseObject(plaintext, LIMITS).requireOnly(members);
    }

    /** A record that authenticated but does not decode was written by something else: treat as tampering. */
    private static StoreException damaged(String what, long id, Exception cause) {
        return new StoreException(Reason.TAMPERED, what + " " + id + " does not decode", cause);
    }
}
