package org.redoubt.driver.hardware.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redoubt.json.JsonException;

/** The hardware descriptions the release ships, and what a description may not say. */
class HardwareDescriptionTest {

    private static final Path SHIPPED = Path.of("src/main/resources/hardware");
    private static final List<String> DRIVERS = List.of("org.redoubt.driver.modem", "org.redoubt.driver.display",
            "org.redoubt.driver.keypad", "org.redoubt.driver.power", "org.redoubt.driver.radios");

    private static HardwareDescription parse(String json) throws JsonException {
        return HardwareDescription.parse(json.getBytes(StandardCharsets.UTF_8), "m1");
    }

    @Test
    void everyShippedDescriptionIsValidAndConfiguresEveryDriver() throws IOException, JsonException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SHIPPED)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(List.of("redoubt-emulator.json", "redoubt-h1.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : files) {
            String model = file.getFileName().toString().replace(".json", "");
            HardwareDescription description = HardwareDescription.parse(Files.readAllBytes(file), model);
            assertTrue(description.configurations().keySet().containsAll(DRIVERS), file + " configures every driver");
        }
    }

    @Test
    void theEmulatorUsesTheSimulatedBackendsAndTheHandsetTheLinuxOnes() throws IOException, JsonException {
        HardwareDescription emulator = HardwareDescription.parse(
                Files.readAllBytes(SHIPPED.resolve("redoubt-emulator.json")), "redoubt-emulator");
        assertEquals("in-process", emulator.configurations().get("org.redoubt.driver.modem").get("transport"));
        assertEquals(2, emulator.configurations().get("org.redoubt.driver.emulator").get("scale"));
        HardwareDescription handset = HardwareDescription.parse(
                Files.readAllBytes(SHIPPED.resolve("redoubt-h1.json")), "redoubt-h1");
        assertEquals(Map.of("transport", "serial", "device", "/dev/ttyUSB2"),
                handset.configurations().get("org.redoubt.driver.modem"));
        assertEquals("fbdev", handset.configurations().get("org.redoubt.driver.display").get("backend"));
        assertFalse(handset.configurations().containsKey("org.redoubt.driver.emulator"));
    }

    @Test
    void valuesKeepTheirTypes() throws JsonException {
        Map<String, Object> properties = parse("{\"model\":\"m1\",\"configurations\":{\"org.redoubt.driver.x\":"
                + "{\"s\":\"a\",\"i\":5,\"l\":5000000000,\"b\":true}}}").configurations().get("org.redoubt.driver.x");
        assertEquals(Map.of("s", "a", "i", 5, "l", 5_000_000_000L, "b", true), properties);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"model\":\"m2\",\"configurations\":{}}",
        "{\"model\":\"m1\",\"configurations\":{},\"extra\":1}",
        "{\"model\":\"m1\",\"configurations\":{\"org.redoubt.crypto.suite\":{\"redoubt.crypto.suite\":\"NIST\"}}}",
        "{\"model\":\"m1\",\"configurations\":{\"org.redoubt.driver.x\":{\"a\":{\"b\":1}}}}",
        "{\"model\":\"m1\",\"configurations\":{\"org.redoubt.driver.x\":{\"a\":1.5}}}",
        "{\"model\":\"m1\",\"configurations\":{\"org.redoubt.driver.x\":{\"a\":[1]}}}",
        "{\"model\":\"m1\",\"configurations\":{\"org.redoubt.driver.x\":{\"a\":null}}}",
        "{\"model\":\"m1\",\"configurations\":{\"org.redoubt.driver.x\":{\"service.pid\":\"y\",\"1a\":2}}}",
        "{\"model\":\"m1\",\"configurations\":{\"org.redoubt.driver.x\":5}}",
        "{\"model\":\"m1\"}",
        "[]"
    })
    void invalidDescriptionsAreRejectedWithTheReason(String json) {
        JsonException e = assertThrows(JsonException.class, () -> parse(json));
        assertFalse(e.getMessage().isBlank());
    }
}
