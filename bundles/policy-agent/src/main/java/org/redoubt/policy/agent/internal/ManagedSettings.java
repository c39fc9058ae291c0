package org.redoubt.policy.agent.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.redoubt.policy.NumberRule;
import org.redoubt.policy.Policy;
import org.redoubt.policy.Radio;

/**
 * What a policy means for each component that enforces a field: the configuration properties the
 * agent manages, per configuration PID. A property mapped to {@code null} is one the policy does
 * not manage (any more): it is removed, and the component's default applies. Properties the agent
 * does not manage (the radio backend, the emergency numbers, ...) are never touched.
 *
 * <p>One field, one enforcement point:
 * <table>
 * <caption>Where each field is enforced</caption>
 * <tr><th>field</th><th>PID</th><th>properties</th></tr>
 * <tr><td>radios.*</td><td>{@value #RADIOS}</td><td>{@code disabled}</td></tr>
 * <tr><td>wifi.*</td><td>{@value #RADIOS}</td><td>{@code wifiSsidAllowlist}, {@code wifiMinSecurity}</td></tr>
 * <tr><td>password.*</td><td>{@value #LOCK}</td><td>{@code pinMinLength}, {@code pinQuality}, {@code maxFailedForWipe}</td></tr>
 * <tr><td>lock.maxInactivity</td><td>{@value #SHELL}</td><td>{@code lockAfterSeconds}</td></tr>
 * <tr><td>calls.*, sms.*, onStale RESTRICT</td><td>{@value #TELEPHONY}</td><td>{@code <direction>Mode},
 * {@code <direction>Allow}, {@code <direction>Deny}, {@code emergencyOnly}</td></tr>
 * <tr><td>dataRoaming</td><td>{@value #TELEPHONY}</td><td>{@code dataRoaming}</td></tr>
 * <tr><td>crypto.suite</td><td>{@value #SUITE}</td><td>{@code redoubt.crypto.suite}</td></tr>
 * </table>
 * The agent itself enforces trust.brokerCa (the TLS trust of its next connection), reporting
 * (interval and fields) and the detection of a stale policy.
 */
final class ManagedSettings {

    static final String RADIOS = "org.redoubt.driver.radios";
    static final String LOCK = "org.redoubt.store.lock";
    static final String SHELL = "org.redoubt.shell";
    static final String TELEPHONY = "org.redoubt.telephony";
    static final String SUITE = "org.redoubt.crypto.suite";

    private ManagedSettings() {
    }

    /**
     * @param policy the policy
     * @param stale  whether it has expired (with onStale RESTRICT, only emergency calls remain)
     * @return per PID, the managed properties; {@code null} values are to be removed
     */
    static Map<String, Map<String, Object>> of(Policy policy, boolean stale) {
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        settings.put(RADIOS, radios(policy));
        settings.put(LOCK, lock(policy));
        settings.put(SHELL, single("lockAfterSeconds", policy.lockAfter().map(after -> (Object) after.toSeconds())));
        settings.put(TELEPHONY, telephony(policy, stale));
        settings.put(SUITE, single("redoubt.crypto.suite", policy.cryptoSuite().map(suite -> (Object) suite.name())));
        return Collections.unmodifiableMap(settings);
    }

    private static Map<String, Object> radios(Policy policy) {
        List<String> disabled = new ArrayList<>();
        for (Radio radio : Radio.values()) {
            if (policy.radios().get(radio) == Policy.Permission.DISABLED) {
                disabled.add(radio.name());
            }
        }
        Map<String, Object> radios = single("disabled",
                disabled.isEmpty() ? Optional.empty() : Optional.of(disabled.toArray(String[]::new)));
        Optional<Policy.Wifi> wifi = policy.wifi();
        radios.put("wifiSsidAllowlist", wifi.map(Policy.Wifi::ssidAllowlist).filter(list -> !list.isEmpty())
                .map(list -> (Object) list.toArray(String[]::new)).orElse(null));
        radios.put("wifiMinSecurity", wifi.map(w -> (Object) w.minSecurity().name()).orElse(null));
        return radios;
    }

    private static Map<String, Object> lock(Policy policy) {
        Map<String, Object> lock = new LinkedHashMap<>();
        Optional<Policy.Password> password = policy.password();
        lock.put("pinMinLength", password.flatMap(p -> p.minLength().isPresent() ? Optional.of(p.minLength().getAsInt())
                : Optional.empty()).orElse(null));
        lock.put("pinQuality", password.flatMap(Policy.Password::quality).map(Enum::name).orElse(null));
        lock.put("maxFailedForWipe", password.flatMap(p -> p.maxFailedForWipe().isPresent()
                ? Optional.of(p.maxFailedForWipe().getAsInt()) : Optional.empty()).orElse(null));
        return lock;
    }

    private static Map<String, Object> telephony(Policy policy, boolean stale) {
        Map<String, Object> telephony = new LinkedHashMap<>();
        rule(telephony, "outgoingCalls", policy.callsOutgoing());
        rule(telephony, "incomingCalls", policy.callsIncoming());
        rule(telephony, "outgoingSms", policy.smsOutgoing());
        rule(telephony, "incomingSms", policy.smsIncoming());
        boolean restrict = stale && policy.onStale().orElse(Policy.OnStale.REPORT) == Policy.OnStale.RESTRICT;
        telephony.put("emergencyOnly", restrict ? Boolean.TRUE : null);
        telephony.put("dataRoaming", policy.dataRoaming().map(allowed -> (Object) allowed).orElse(null));
        return telephony;
    }

    private static void rule(Map<String, Object> properties, String direction, Optional<NumberRule> rule) {
        properties.put(direction + "Mode", rule.map(r -> r.mode().name()).orElse(null));
        String[] patterns = rule.map(r -> r.patterns().toArray(String[]::new)).orElse(null);
        NumberRule.Mode mode = rule.map(NumberRule::mode).orElse(NumberRule.Mode.ALLOW_ALL);
        properties.put(direction + "Allow", mode == NumberRule.Mode.ALLOWLIST ? patterns : null);
        properties.put(direction + "Deny", mode == NumberRule.Mode.DENYLIST ? patterns : null);
    }

    private static Map<String, Object> single(String name, Optional<Object> value) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(name, value.orElse(null));
        return properties;
    }
}
