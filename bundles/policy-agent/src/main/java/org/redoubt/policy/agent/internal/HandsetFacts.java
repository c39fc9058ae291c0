package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.redoubt.driver.power.Battery;
import org.redoubt.driver.power.BatteryState;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;
import org.redoubt.policy.Policy.ReportField;
import org.redoubt.store.HandsetLock;
import org.redoubt.telephony.Network;
import org.redoubt.telephony.NetworkStatus;

/**
 * The status facts read from the handset's services, each bound optionally: the battery, the
 * network registration, the PIN lock and the data partition. Identifiers (IMEI, IMSI) are never
 * read here: no service of this release offers them, so a policy asking for them gets them listed
 * as {@code unavailable} rather than a guess.
 */
final class HandsetFacts implements StatusFacts {

    private final Supplier<Optional<Battery>> battery;
    private final Supplier<Optional<Network>> network;
    private final Supplier<Optional<HandsetLock>> lock;
    private final Path data;

    /**
     * @param battery the battery driver, when running
     * @param network telephony's network, when running
     * @param lock    the PIN lock, when running
     * @param data    the data directory, whose file system is reported as storage
     */
    HandsetFacts(Supplier<Optional<Battery>> battery, Supplier<Optional<Network>> network,
            Supplier<Optional<HandsetLock>> lock, Path data) {
        this.battery = Objects.requireNonNull(battery, "battery");
        this.network = Objects.requireNonNull(network, "network");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.data = Objects.requireNonNull(data, "data");
    }

    @Override
    public JsonObject read(Set<ReportField> fields) {
        JsonObject.Builder facts = JsonObject.builder();
        Set<ReportField> unavailable = EnumSet.noneOf(ReportField.class);
        Set<ReportField> asked = EnumSet.noneOf(ReportField.class);
        asked.addAll(fields);
        for (ReportField field : asked) {
            Optional<JsonObject> fact = switch (field) {
                case BATTERY -> battery.get().map(HandsetFacts::battery);
                case NETWORK -> network.get().map(HandsetFacts::network);
                case LOCK -> lock.get().map(HandsetFacts::lock);
                case STORAGE -> storage();
                case IMEI, IMSI -> Optional.empty();
            };
            if (fact.isPresent()) {
                facts.put(field.name().toLowerCase(java.util.Locale.ROOT), fact.get());
            } else {
                unavailable.add(field);
            }
        }
        if (!unavailable.isEmpty()) {
            JsonArray.Builder names = JsonArray.builder();
            unavailable.forEach(field -> names.add(field.name()));
            facts.put("unavailable", names.build());
        }
        return facts.build();
    }

    private static JsonObject battery(Battery battery) {
        BatteryState state = battery.state();
        return JsonObject.builder().put("level", state.level()).put("charging", state.charging().name())
                .put("low", state.low()).build();
    }

    private static JsonObject network(Network network) {
        NetworkStatus status = network.status();
        return JsonObject.builder().put("registration", status.registration().name()).put("operator", status.operator())
                .put("rssi", status.rssi()).build();
    }

    private static JsonObject lock(HandsetLock lock) {
        return JsonObject.builder().put("state", lock.state().name()).put("failedAttempts", lock.failedAttempts())
                .put("pinChangeRequired", lock.pinChangeRequired()).build();
    }

    private Optional<JsonObject> storage() {
        try {
            FileStore store = Files.getFileStore(Files.exists(data) ? data : data.toAbsolutePath().getRoot());
            return Optional.of(JsonObject.builder().put("totalBytes", store.getTotalSpace())
                    .put("usableBytes", store.getUsableSpace()).build());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
