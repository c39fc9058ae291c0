package org.redoubt.runtime.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.json.JsonWriter;

/**
 * This handset's identity for the targets of signed documents, kept in {@code device.json}: its
 * device id (also the subject of its client certificate), its fleet group and its hardware model.
 * It is written once, on the first boot, from the provisioning options or their defaults (a
 * random device id); later boots read it and ignore those options.
 */
final class DeviceRecordStore {

    /** What a device id, group or model may contain: it ends up in MQTT topics and certificates. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final JsonLimits LIMITS = new JsonLimits(4 * 1024, 2, 128, 8);
    private static final Set<String> MEMBERS = Set.of("schema", "deviceId", "group", "model");

    private final Path file;

    /** @param file {@code DATA/device.json} */
    DeviceRecordStore(Path file) {
        this.file = file;
    }

    /**
     * @param provisioning the first boot's choices
     * @param console      where the first boot says what it provisioned
     * @return the identity
     * @throws BootFailure {@link ExitCode#DATA_DIRECTORY} when the file is unreadable or corrupt
     */
    DeviceIdentity loadOrProvision(LaunchOptions.Provisioning provisioning, BootConsole console) throws BootFailure {
        try {
            return parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            DeviceIdentity identity = new DeviceIdentity(provisioning.deviceId().orElseGet(DeviceRecordStore::randomId),
                    provisioning.group(), provisioning.model());
            save(identity);
            console.message("provisioned device " + identity.deviceId() + " (group " + identity.group() + ", model "
                    + identity.hardwareModel() + ")");
            return identity;
        } catch (IOException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot read the device record " + file + ": " + e, e);
        }
    }

    private DeviceIdentity parse(byte[] bytes) throws BootFailure {
        try {
            JsonObject json = JsonParser.parseObject(bytes, LIMITS).requireOnly(MEMBERS);
            if (json.requireInt("schema") != 1) {
                throw new IllegalArgumentException("unsupported schema " + json.requireInt("schema"));
            }
            return new DeviceIdentity(name(json, "deviceId"), name(json, "group"), name(json, "model"));
        } catch (JsonException | IllegalArgumentException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "the device record " + file + " is corrupt: " + e.getMessage(),
                    e);
        }
    }

    private static String name(JsonObject json, String member) throws JsonException {
        String value = json.requireString(member);
        if (!NAME.matcher(value).matches()) {
            throw json.invalid(member, "must be 1..64 of A-Z a-z 0-9 . _ -");
        }
        return value;
    }

    private void save(DeviceIdentity identity) throws BootFailure {
        JsonObject json = JsonObject.builder()
                .put("schema", 1L)
                .put("deviceId", identity.deviceId())
                .put("group", identity.group())
                .put("model", identity.hardwareModel())
                .build();
        try {
            DurableFiles.replace(file, (JsonWriter.indented().write(json) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BootFailure(ExitCode.DATA_DIRECTORY, "cannot write the device record " + file + ": " + e, e);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[10];
        new SecureRandom().nextBytes(bytes);
        return "rdb-" + HexFormat.of().formatHex(bytes);
    }
}
