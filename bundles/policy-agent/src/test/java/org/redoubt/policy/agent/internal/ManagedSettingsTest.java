package org.redoubt.policy.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonParser;
import org.redoubt.policy.Policy;
import org.redoubt.policy.PolicyReader;

/** Each policy field lands in the one configuration that enforces it; a field left out is unmanaged again. */
class ManagedSettingsTest {

    private static Policy policy(String body) throws Exception {
        return PolicyReader.read(JsonParser.parseObject(body.replace('\'', '"').getBytes(StandardCharsets.UTF_8),
                JsonLimits.DEFAULT));
    }

    @Test
    void everyEnforcedFieldHasItsPlace() throws Exception {
        Map<String, Map<String, Object>> settings = ManagedSettings.of(policy(
                "{'radios':{'bluetooth':'DISABLED','wifi':'ALLOWED','usbData':'DISABLED'},"
                        + "'password':{'minLength':6,'quality':'NUMERIC_COMPLEX','maxFailedForWipe':10},"
                        + "'lock':{'maxInactivity':'PT2M'},"
                        + "'calls':{'outgoing':{'mode':'ALLOWLIST','patterns':['+4930*']},"
                        + "'incoming':{'mode':'DENYLIST','patterns':['+1900*']}},"
                        + "'sms':{'outgoing':{'mode':'ALLOWLIST','patterns':['110']}},"
                        + "'crypto':{'suite':'SM'},'onStale':'RESTRICT','dataRoaming':false,"
                        + "'wifi':{'ssidAllowlist':['Ministry','Ministry-Guest'],'minSecurity':'WPA3'}}"), false);

        assertArrayEquals(new String[] {"BLUETOOTH", "USB_DATA"}, (String[]) settings.get(ManagedSettings.RADIOS).get("disabled"));
        assertEquals(6, settings.get(ManagedSettings.LOCK).get("pinMinLength"));
        assertEquals("NUMERIC_COMPLEX", settings.get(ManagedSettings.LOCK).get("pinQuality"));
        assertEquals(10, settings.get(ManagedSettings.LOCK).get("maxFailedForWipe"));
        assertEquals(120L, settings.get(ManagedSettings.SHELL).get("lockAfterSeconds"));
        Map<String, Object> telephony = settings.get(ManagedSettings.TELEPHONY);
        assertEquals("ALLOWLIST", telephony.get("outgoingCallsMode"));
        assertArrayEquals(new String[] {"+4930*"}, (String[]) telephony.get("outgoingCallsAllow"));
        assertNull(telephony.get("outgoingCallsDeny"));
        assertEquals("DENYLIST", telephony.get("incomingCallsMode"));
        assertArrayEquals(new String[] {"+1900*"}, (String[]) telephony.get("incomingCallsDeny"));
        assertEquals("ALLOWLIST", telephony.get("outgoingSmsMode"));
        assertArrayEquals(new String[] {"110"}, (String[]) telephony.get("outgoingSmsAllow"));
        assertNull(telephony.get("emergencyOnly"), "not stale yet");
        assertEquals("SM", settings.get(ManagedSettings.SUITE).get("redoubt.crypto.suite"));
        assertEquals(Boolean.FALSE, telephony.get("dataRoaming"));
        assertArrayEquals(new String[] {"Ministry", "Ministry-Guest"},
                (String[]) settings.get(ManagedSettings.RADIOS).get("wifiSsidAllowlist"));
        assertEquals("WPA3", settings.get(ManagedSettings.RADIOS).get("wifiMinSecurity"));
    }

    @Test
    void anEmptyAllowlistManagesOnlyTheMinimumSecurity() throws Exception {
        Map<String, Object> radios = ManagedSettings.of(policy("{'wifi':{'ssidAllowlist':[],'minSecurity':'WPA2'}}"), false)
                .get(ManagedSettings.RADIOS);
        assertNull(radios.get("wifiSsidAllowlist"), "any network");
        assertEquals("WPA2", radios.get("wifiMinSecurity"));
        assertEquals(Boolean.TRUE, ManagedSettings.of(policy("{'dataRoaming':true}"), false).get(ManagedSettings.TELEPHONY)
                .get("dataRoaming"));
    }

    @Test
    void aStalePolicyWithRestrictLeavesOnlyEmergencyCalls() throws Exception {
        assertEquals(Boolean.TRUE, ManagedSettings.of(policy("{'onStale':'RESTRICT'}"), true).get(ManagedSettings.TELEPHONY)
                .get("emergencyOnly"));
        assertNull(ManagedSettings.of(policy("{'onStale':'REPORT'}"), true).get(ManagedSettings.TELEPHONY).get("emergencyOnly"));
    }

    @Test
    void aPolicyThatManagesNothingRemovesEveryManagedProperty() {
        Map<String, Map<String, Object>> settings = ManagedSettings.of(Policy.NONE, false);

        assertEquals(5, settings.size());
        settings.forEach((pid, properties) -> {
            assertTrue(!properties.isEmpty(), pid);
            properties.forEach((name, value) -> assertNull(value, pid + " " + name));
        });
    }
}
