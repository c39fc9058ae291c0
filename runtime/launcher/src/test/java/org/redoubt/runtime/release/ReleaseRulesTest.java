package org.redoubt.runtime.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.runtime.firewall.ServiceGrant;

/** The service rules in the release manifest: strict, default deny for drivers; and the camera/location rule. */
class ReleaseRulesTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private final ReleaseManifestCodec codec = new ReleaseManifestCodec();

    private static ReleaseManifest manifest(ReleaseRules rules) {
        return new ReleaseManifest(3, "production", List.of(
                new ReleaseBundle("org.redoubt.telephony", "1.0.0", "bundles/t.jar", BundleDigest.parse(DIGEST), 1, 4)),
                rules);
    }

    @Test
    void rulesSurviveTheBodyAndDecode() throws Exception {
        ReleaseRules rules = new ReleaseRules(List.of("org.example.vault.*"), List.of(
                new ServiceGrant("org.redoubt.telephony", List.of("org.redoubt.driver.modem.*")),
                new ServiceGrant("org.redoubt.shell", List.of("org.redoubt.driver.keypad.Keypad"))));
        JsonObject body = codec.body(manifest(rules));
        assertEquals(rules, codec.decode(3, body).rules());
        assertEquals(body, codec.body(codec.decode(3, body)));
    }

    @Test
    void aManifestWithoutRulesGuardsTheDriversAndGrantsNothing() throws Exception {
        JsonObject body = codec.body(manifest(ReleaseRules.NONE));
        assertFalse(body.has("services"), "the old format, unchanged");
        ReleaseRules rules = codec.decode(3, body).rules();
        assertEquals(List.of(), rules.grants());
        assertEquals(ReleaseRules.DRIVER_APIS, rules.effectiveGuarded());
    }

    @Test
    void theDriverApisAreGuardedEvenWhenAManifestListsOtherNames() {
        ReleaseRules rules = new ReleaseRules(List.of("org.example.vault.Vault"), List.of());
        assertEquals(List.of("org.redoubt.driver.*", "org.example.vault.Vault"), rules.effectiveGuarded());
    }

    @Test
    void aPrefixPatternCoversThePackageAndWhatIsBelowItOnly() {
        assertTrue(ReleaseRules.matches("org.redoubt.driver.modem.*", "org.redoubt.driver.modem"));
        assertTrue(ReleaseRules.matches("org.redoubt.driver.modem.*", "org.redoubt.driver.modem.AtChannel"));
        assertFalse(ReleaseRules.matches("org.redoubt.driver.modem.*", "org.redoubt.driver.modemx.AtChannel"));
        assertFalse(ReleaseRules.matches("org.redoubt.driver.modem.*", "org.redoubt.driver"));
        assertTrue(ReleaseRules.matches("org.redoubt.driver.modem.AtChannel", "org.redoubt.driver.modem.AtChannel"));
        assertFalse(ReleaseRules.matches("org.redoubt.driver.modem.AtChannel", "org.redoubt.driver.modem.AtChannelX"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"guarded\":[],\"grants\":[],\"extra\":1}",
        "{\"guarded\":[]}",
        "{\"guarded\":[\"*\"],\"grants\":[]}",
        "{\"guarded\":[\"org.*\"],\"grants\":[]}",
        "{\"guarded\":[\"org.example..x\"],\"grants\":[]}",
        "{\"guarded\":[\"org.example.x\",\"org.example.x\"],\"grants\":[]}",
        "{\"guarded\":[1],\"grants\":[]}",
        "{\"guarded\":[],\"grants\":[{\"bundle\":\"a.b\",\"services\":[]}]}",
        "{\"guarded\":[],\"grants\":[{\"bundle\":\"a b\",\"services\":[\"x.y.Z\"]}]}",
        "{\"guarded\":[],\"grants\":[{\"bundle\":\"a.b\",\"services\":[\"x.y.*.z\"]}]}",
        "{\"guarded\":[],\"grants\":[{\"bundle\":\"a.b\",\"services\":[\"x.y.Z\"],\"why\":\"x\"}]}",
        "{\"guarded\":[],\"grants\":[{\"bundle\":\"a.b\",\"services\":[\"x.y.Z\"]},{\"bundle\":\"a.b\",\"services\":[\"x.y.W\"]}]}",
        "{\"guarded\":[],\"grants\":[\"a.b\"]}",
    })
    void malformedRulesMakeAMalformedManifest(String services) throws Exception {
        JsonObject body = codec.body(manifest(ReleaseRules.NONE));
        JsonObject.Builder edited = JsonObject.builder();
        body.members().forEach(edited::put);
        edited.put("services", JsonParser.parseObject(services, JsonLimits.DEFAULT));
        JsonObject malformed = edited.build();
        ReleaseRejected rejected = assertThrows(ReleaseRejected.class, () -> codec.decode(3, malformed));
        assertEquals(ReleaseRejected.Reason.MALFORMED_MANIFEST, rejected.problems().get(0).reason());
    }

    @Test
    void tooManyNamesInAGrantAreRefused() {
        List<String> names = java.util.stream.IntStream.range(0, ReleaseRules.MAX_GRANTED + 1)
                .mapToObj(i -> "org.example.S" + i).toList();
        assertThrows(IllegalArgumentException.class,
                () -> new ReleaseRules(List.of(), List.of(new ServiceGrant("a.b", names))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Export-Package: org.example.camera;version=1.0",
        "Export-Package: org.example.util,javax.microedition.location;version=\"1.0\"",
        "Export-Package: org.osgi.service.positioner",
        "Export-Package: android.hardware.camera2",
        "Provide-Capability: osgi.service;objectClass:List<String>=\"org.example.Clock,org.example.cam.CameraService\"",
        "Provide-Capability: osgi.service;objectClass=org.example.LocationProvider",
        "Provide-Capability: osgi.service;objectClass=org.example.GPSReceiver",
        "Provide-Capability: redoubt.hardware;redoubt.hardware=camera",
        "Provide-Capability: redoubt.hardware;redoubt.hardware:List<String>=\"display,location\"",
    })
    void cameraAndLocationAreForbidden(String header) {
        assertTrue(ForbiddenHardware.problem(headers(header)).isPresent(), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Export-Package: org.redoubt.driver.modem;version=\"1.0\";uses:=\"org.example.location\"",
        "Export-Package: org.example.allocation,org.example.locations",
        "Provide-Capability: osgi.service;objectClass=org.example.MemoryAllocation",
        "Provide-Capability: redoubt.hardware;redoubt.hardware=keypad",
        "Provide-Capability: osgi.extender;osgi.extender=\"camera\"",
    })
    void otherBundlesAreNot(String header) {
        assertFalse(ForbiddenHardware.problem(headers(header)).isPresent(), header);
    }

    private static Attributes headers(String header) {
        String[] parts = header.split(": ", 2);
        Attributes attributes = new Attributes();
        attributes.putValue(parts[0], parts[1]);
        return attributes;
    }

    @Test
    void headerClausesKeepQuotedCommas() {
        List<HeaderClause> clauses = HeaderClause.parse(
                "a.b;version=\"[1,2)\";uses:=\"x,y\",c.d;objectClass:List<String>=\"p.Q,p.R\"");
        assertEquals(List.of("a.b", "c.d"), clauses.stream().map(HeaderClause::name).toList());
        assertEquals(Map.of("version", "[1,2)"), clauses.get(0).attributes());
        assertEquals(List.of("p.Q", "p.R"), clauses.get(1).listAttribute("objectClass"));
    }
}
