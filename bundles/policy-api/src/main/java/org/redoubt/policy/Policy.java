package org.redoubt.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.redoubt.crypto.api.Suite;

/**
 * A policy's body: every field optional, and a field left out is not managed.
 *
 * @param radios           per radio (and USB data), allowed or disabled
 * @param wifi             Wi-Fi networks allowed, when Wi-Fi is
 * @param password         PIN rules
 * @param lockAfter        the screen locks after this long without a key
 * @param callsOutgoing    outgoing call restrictions
 * @param callsIncoming    incoming call screening
 * @param smsOutgoing      outgoing SMS restrictions
 * @param smsIncoming      incoming SMS screening
 * @param dataRoaming      whether mobile data may roam
 * @param cryptoSuite      the suite for new keys, sealed storage and the handset's signatures
 * @param brokerCa         the broker trust anchors, PEM certificates
 * @param bundles          which bundles (and signers) a release may contain
 * @param reporting        status reports
 * @param onStale          what the handset does once the policy has expired
 * @since 1.0
 */
public record Policy(Map<Radio, Permission> radios, Optional<Wifi> wifi, Optional<Password> password,
        Optional<Duration> lockAfter, Optional<NumberRule> callsOutgoing, Optional<NumberRule> callsIncoming,
        Optional<NumberRule> smsOutgoing, Optional<NumberRule> smsIncoming, Optional<Boolean> dataRoaming,
        Optional<Suite> cryptoSuite, List<String> brokerCa, List<BundleGrant> bundles, Optional<Reporting> reporting,
        Optional<OnStale> onStale) {

    /** A policy that manages nothing. */
    public static final Policy NONE = new Policy(Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), List.of(), Optional.empty(), Optional.empty());

    /** Whether a radio may be used. */
    public enum Permission {
        /** The user may turn it on. */
        ALLOWED,
        /** Off, and its driver stopped. */
        DISABLED
    }

    /**
     * @param ssidAllowlist networks allowed (empty: any)
     * @param minSecurity   the weakest security accepted
     */
    public record Wifi(List<String> ssidAllowlist, WifiSecurity minSecurity) {
        /** Copies the list. */
        public Wifi {
            ssidAllowlist = List.copyOf(ssidAllowlist);
            Objects.requireNonNull(minSecurity, "minSecurity");
        }
    }

    /** Wi-Fi security, weakest first. */
    public enum WifiSecurity {
        /** WPA2-Personal. */
        WPA2,
        /** WPA3-Personal. */
        WPA3,
        /** WPA2 or WPA3 Enterprise (802.1X). */
        ENTERPRISE
    }

    /**
     * @param minLength        the shortest PIN, 4..16
     * @param quality          what a PIN must be made of
     * @param maxFailedForWipe failed unlocks before crypto-erase, 0 = never
     */
    public record Password(OptionalInt minLength, Optional<Quality> quality, OptionalInt maxFailedForWipe) {
        /** Checks that nothing is missing. */
        public Password {
            Objects.requireNonNull(minLength, "minLength");
            Objects.requireNonNull(quality, "quality");
            Objects.requireNonNull(maxFailedForWipe, "maxFailedForWipe");
        }
    }

    /** PIN quality. */
    public enum Quality {
        /** Digits. */
        NUMERIC,
        /** Digits without repeats or sequences (1111, 1234). */
        NUMERIC_COMPLEX,
        /** Letters and digits. */
        ALPHANUMERIC
    }

    /**
     * @param signerKeyId the lower-case hex SHA-256 key id of the release key allowed to sign it
     * @param symbolicName the bundle's symbolic name
     */
    public record BundleGrant(String symbolicName, String signerKeyId) {
        /** Checks that nothing is missing. */
        public BundleGrant {
            Objects.requireNonNull(symbolicName, "symbolicName");
            Objects.requireNonNull(signerKeyId, "signerKeyId");
        }
    }

    /**
     * @param interval how often the handset reports its status
     * @param fields   what a report contains beyond the policy and release versions
     */
    public record Reporting(Duration interval, Set<ReportField> fields) {
        /** Copies the set. */
        public Reporting {
            Objects.requireNonNull(interval, "interval");
            fields = Set.copyOf(fields);
        }
    }

    /** What a status report may contain; identifiers only when a policy asks for them. */
    public enum ReportField {
        /** Battery level. */
        BATTERY,
        /** Registration and signal. */
        NETWORK,
        /** Locked or not, failed attempts. */
        LOCK,
        /** Storage use. */
        STORAGE,
        /** The modem's IMEI. */
        IMEI,
        /** The SIM's IMSI. */
        IMSI
    }

    /** What the handset does once the policy has expired and no newer one came. */
    public enum OnStale {
        /** Keep enforcing it and report that it is stale. */
        REPORT,
        /** Emergency calls only, until a fresh policy arrives. */
        RESTRICT
    }

    /** Copies the collections. */
    public Policy {
        radios = Map.copyOf(radios);
        brokerCa = List.copyOf(brokerCa);
        bundles = List.copyOf(bundles);
        for (Optional<?> field : List.of(wifi, password, lockAfter, callsOutgoing, callsIncoming, smsOutgoing,
                smsIncoming, dataRoaming, cryptoSuite, reporting, onStale)) {
            Objects.requireNonNull(field, "an optional field");
        }
    }
}
