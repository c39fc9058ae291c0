package org.redoubt.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/** The policy body's schema: every field read, unknown members and bad values refused with their path. */
class PolicyReaderTest {

    private static final String KEY_ID = "ab".repeat(32);

    @TempDir
    Path work;

    private static JsonObject json(String text) throws JsonException {
        return JsonParser.parseObject(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
    }

    private static PolicyException refused(String body) {
        return assertThrows(PolicyException.class, () -> PolicyReader.read(json(body)));
    }

    /** A broker certificate made now, by the JDK's keytool (no key is committed). */
    private String certificate() throws IOException, InterruptedException {
        Path store = work.resolve("ca.p12");
        run("keytool", "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Redoubt test broker CA", "-validity", "2", "-keystore", store.toString(), "-storepass", "changeit",
                "-storetype", "PKCS12");
        Path pem = work.resolve("ca.pem");
        run("keytool", "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        return Files.readString(pem);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    @Test
    void anEmptyBodyManagesNothing() throws Exception {
        assertEquals(Policy.NONE, PolicyReader.read(json("{}")));
    }

    @Test
    void everyFieldIsRead() throws Exception {
        String ca = certificate().replace("\n", "\\n").replace("\r", "");
        JsonObject body = json("{'radios':{'bluetooth':'DISABLED','wifi':'ALLOWED','nfc':'DISABLED','usbData':'DISABLED'},"
                + "'wifi':{'ssidAllowlist':['Ops-5G'],'minSecurity':'WPA3'},"
                + "'password':{'minLength':6,'quality':'NUMERIC_COMPLEX','maxFailedForWipe':10},"
                + "'lock':{'maxInactivity':'PT2M'},"
                + "'calls':{'outgoing':{'mode':'ALLOWLIST','patterns':['+4930*','110']},"
                + "'incoming':{'mode':'DENYLIST','patterns':['+1900*']}},"
                + "'sms':{'outgoing':{'mode':'ALLOW_ALL','patterns':[]}},"
                + "'dataRoaming':false,'crypto':{'suite':'SM'},'trust':{'brokerCa':['" + ca + "']},"
                + "'bundles':{'allow':[{'bsn':'org.redoubt.shell','signerKeyId':'" + KEY_ID + "'}]},"
                + "'reporting':{'interval':'PT15M','fields':['BATTERY','NETWORK']},'onStale':'RESTRICT'}");

        Policy policy = PolicyReader.read(body);

        assertEquals(Map.of(Radio.BLUETOOTH, Policy.Permission.DISABLED, Radio.WIFI, Policy.Permission.ALLOWED,
                Radio.NFC, Policy.Permission.DISABLED, Radio.USB_DATA, Policy.Permission.DISABLED), policy.radios());
        assertEquals(Optional.of(new Policy.Wifi(List.of("Ops-5G"), Policy.WifiSecurity.WPA3)), policy.wifi());
        assertEquals(Optional.of(new Policy.Password(OptionalInt.of(6), Optional.of(Policy.Quality.NUMERIC_COMPLEX),
                OptionalInt.of(10))), policy.password());
        assertEquals(Optional.of(Duration.ofMinutes(2)), policy.lockAfter());
        assertEquals(Optional.of(new NumberRule(NumberRule.Mode.ALLOWLIST, List.of("+4930*", "110"))),
                policy.callsOutgoing());
        assertEquals(Optional.of(new NumberRule(NumberRule.Mode.DENYLIST, List.of("+1900*"))), policy.callsIncoming());
        assertEquals(Optional.of(new NumberRule(NumberRule.Mode.ALLOW_ALL, List.of())), policy.smsOutgoing());
        assertEquals(Optional.empty(), policy.smsIncoming(), "a direction left out is not managed");
        assertEquals(Optional.of(false), policy.dataRoaming());
        assertEquals(Optional.of(Suite.SM), policy.cryptoSuite());
        assertEquals(1, policy.brokerCa().size());
        assertEquals(List.of(new Policy.BundleGrant("org.redoubt.shell", KEY_ID)), policy.bundles());
        assertEquals(Optional.of(new Policy.Reporting(Duration.ofMinutes(15), Set.of(Policy.ReportField.BATTERY,
                Policy.ReportField.NETWORK))), policy.reporting());
        assertEquals(Optional.of(Policy.OnStale.RESTRICT), policy.onStale());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'camera':{}}|$.camera",
        "{'radios':{'gps':'DISABLED'}}|$.radios.gps",
        "{'password':{'maxLength':8}}|$.password.maxLength",
        "{'calls':{'outgoing':{'mode':'ALLOW_ALL','patterns':[],'note':'x'}}}|$.calls.outgoing.note",
        "{'calls':{'sideways':{}}}|$.calls.sideways",
        "{'bundles':{'allow':[{'bsn':'a','signerKeyId':'" + "ab" + "','why':1}]}}|$.bundles.allow[0].why"})
    void unknownMembersAreRefusedWithTheirPath(String body, String path) {
        PolicyException e = refused(body);

        assertEquals(ReasonCode.UNKNOWN_FIELD, e.reason());
        assertEquals(path, e.path());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'radios':{'bluetooth':true}}|$.radios.bluetooth",
        "{'radios':{'bluetooth':'OFF'}}|$.radios.bluetooth",
        "{'password':{'minLength':3}}|$.password.minLength",
        "{'password':{'minLength':17}}|$.password.minLength",
        "{'password':{'maxFailedForWipe':101}}|$.password.maxFailedForWipe",
        "{'password':{'maxFailedForWipe':-1}}|$.password.maxFailedForWipe",
        "{'lock':{'maxInactivity':'PT5S'}}|$.lock.maxInactivity",
        "{'lock':{'maxInactivity':'5 minutes'}}|$.lock.maxInactivity",
        "{'lock':{}}|$.lock.maxInactivity",
        "{'calls':{'outgoing':{'mode':'ALLOW_ALL','patterns':['110']}}}|$.calls.outgoing.patterns",
        "{'calls':{'outgoing':{'mode':'ALLOWLIST','patterns':[]}}}|$.calls.outgoing.patterns",
        "{'sms':{'incoming':{'mode':'DENYLIST','patterns':['+49-30']}}}|$.sms.incoming.patterns",
        "{'dataRoaming':'no'}|$.dataRoaming",
        "{'crypto':{'suite':'RSA'}}|$.crypto.suite",
        "{'trust':{'brokerCa':[]}}|$.trust.brokerCa",
        "{'trust':{'brokerCa':['not a certificate']}}|$.trust.brokerCa",
        "{'bundles':{'allow':[]}}|$.bundles.allow",
        "{'bundles':{'allow':[{'bsn':'-x','signerKeyId':'" + "ab" + "'}]}}|$.bundles.allow[0].bsn",
        "{'reporting':{'interval':'PT15M','fields':['GPS']}}|$.reporting.fields",
        "{'reporting':{'interval':'P2D','fields':[]}}|$.reporting.interval",
        "{'wifi':{'ssidAllowlist':['" + "abcdefghijabcdefghijabcdefghijabc" + "'],'minSecurity':'WPA2'}}|$.wifi.ssidAllowlist",
        "{'onStale':'PANIC'}|$.onStale"})
    void badValuesAreMalformedWithTheirPath(String body, String path) {
        PolicyException e = refused(body);

        assertEquals(ReasonCode.MALFORMED_DOCUMENT, e.reason(), e.getMessage());
        assertEquals(path, e.path());
    }

    @Test
    void aKeyIdMustBeLowerCaseHex() {
        PolicyException e = refused("{'bundles':{'allow':[{'bsn':'org.redoubt.shell','signerKeyId':'"
                + KEY_ID.toUpperCase() + "'}]}}");

        assertEquals(ReasonCode.MALFORMED_DOCUMENT, e.reason());
        assertEquals("$.bundles.allow[0].signerKeyId", e.path());
    }
}
