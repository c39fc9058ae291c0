package org.redoubt.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/** A command's body: exactly a known command and a well-formed nonce. */
class CommandReaderTest {

    private static final String NONCE = "0123456789abcdef0123456789abcdef";

    private static JsonObject json(String text) throws Exception {
        return JsonParser.parseObject(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8), JsonLimits.DEFAULT);
    }

    @Test
    void everyCommandIsRead() throws Exception {
        for (Command.Action action : Command.Action.values()) {
            assertEquals(new Command(action, NONCE), CommandReader.read(json("{'command':'" + action + "','nonce':'" + NONCE + "'}")));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'command':'WIPE','nonce':'0123456789abcdef0123456789abcdef','delay':5}|UNKNOWN_FIELD|$.delay",
        "{'command':'FORMAT','nonce':'0123456789abcdef0123456789abcdef'}|MALFORMED_DOCUMENT|$.command",
        "{'command':'wipe','nonce':'0123456789abcdef0123456789abcdef'}|MALFORMED_DOCUMENT|$.command",
        "{'command':'WIPE','nonce':'0123456789ABCDEF0123456789ABCDEF'}|MALFORMED_DOCUMENT|$.nonce",
        "{'command':'WIPE','nonce':'0123'}|MALFORMED_DOCUMENT|$.nonce",
        "{'command':'WIPE'}|MALFORMED_DOCUMENT|$.nonce",
        "{'nonce':'0123456789abcdef0123456789abcdef'}|MALFORMED_DOCUMENT|$.command",
        "{'command':7,'nonce':'0123456789abcdef0123456789abcdef'}|MALFORMED_DOCUMENT|$.command"})
    void aBadBodyIsRefusedWithItsPath(String body, ReasonCode reason, String path) {
        PolicyException e = assertThrows(PolicyException.class, () -> CommandReader.read(json(body)));
        assertEquals(reason, e.reason());
        assertEquals(path, e.path());
    }
}
