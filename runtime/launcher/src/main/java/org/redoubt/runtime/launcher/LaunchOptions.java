package org.redoubt.runtime.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's command line.
 *
 * @param data         the data directory
 * @param factoryRelease the release provisioned on first boot, if any
 * @param readyTimeout how long to wait for readiness before reporting NOT-READY
 * @param logLevel     the lowest log level written
 * @param consoleLog   whether log lines also go to standard error
 * @param properties   extra framework properties ({@code --property k=v})
 * @param provisioning the handset identity written on the first boot
 * @param help         whether only the usage text was asked for
 */
record LaunchOptions(Path data, Optional<Path> factoryRelease, Duration readyTimeout, String logLevel,
        boolean consoleLog, Map<String, String> properties, Provisioning provisioning, boolean help) {

    /** The hardware model of the emulator, the default target model. */
    static final String EMULATOR_MODEL = "redoubt-emulator";

    /**
     * What the first boot records as this handset's identity ({@code device.json}); later boots
     * ignore it.
     *
     * @param deviceId the device id, random when absent
     * @param group    the fleet group
     * @param model    the hardware model
     */
    record Provisioning(Optional<String> deviceId, String group, String model) {
    }

    static final String USAGE = String.join("\n",
            "usage: redoubt [--data DIR] [--release DIR] [--ready-timeout SECONDS] [--log-level LEVEL]",
            "               [--quiet] [--property KEY=VALUE]... [--device-id ID] [--group NAME]",
            "               [--model NAME] [--help]",
            "",
            "  --data DIR            data directory: releases, framework storage, state, logs",
            "                        (default: $REDOUBT_DATA, else ~/.redoubt/data)",
            "  --release DIR         factory release, provisioned on first boot or when newer than",
            "                        the committed one (the distribution's bin/redoubt passes its own)",
            "  --ready-timeout SECS  report REDOUBT NOT-READY after this long (default 60)",
            "  --log-level LEVEL     ERROR, WARN, INFO, DEBUG or TRACE (default INFO)",
            "  --quiet               log to the data directory only, not to standard error",
            "  --property KEY=VALUE  extra framework property (repeatable)",
            "  --device-id ID        first boot only: this handset's device id (default: random)",
            "  --group NAME          first boot only: its fleet group (default: default)",
            "  --model NAME          first boot only: its hardware model (default: " + EMULATOR_MODEL + ")",
            "",
            "Prints 'REDOUBT READY {json}' on standard output once every bundle of the release is",
            "active and every component is satisfied. Exit codes: see runtime/README.md.");

    LaunchOptions {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * @param args        the command line
     * @param environment the process environment (for {@code REDOUBT_DATA})
     * @param userHome    the user's home directory
     * @return the options
     * @throws IllegalArgumentException with a message fit for the user on bad input
     */
    static LaunchOptions parse(String[] args, Map<String, String> environment, Path userHome) {
        String envData = environment.get("REDOUBT_DATA");
        Path data = envData != null && !envData.isBlank() ? Path.of(envData) : userHome.resolve(".redoubt").resolve("data");
        Path release = null;
        Duration timeout = Duration.ofSeconds(60);
        String level = "INFO";
        boolean console = true;
        boolean help = false;
        Map<String, String> properties = new LinkedHashMap<>();
        String deviceId = null;
        String group = "default";
        String model = EMULATOR_MODEL;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--data" -> data = Path.of(value(option, rest));
                case "--release" -> release = Path.of(value(option, rest));
                case "--ready-timeout" -> timeout = Duration.ofSeconds(positive(option, value(option, rest)));
                case "--log-level" -> level = logLevel(value(option, rest));
                case "--quiet" -> console = false;
                case "--property" -> {
                    String pair = value(option, rest);
                    int equals = pair.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--property needs KEY=VALUE, got '" + pair + "'");
                    }
                    properties.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
                case "--device-id" -> deviceId = name(option, value(option, rest));
                case "--group" -> group = name(option, value(option, rest));
                case "--model" -> model = name(option, value(option, rest));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        return new LaunchOptions(data.toAbsolutePath().normalize(),
                Optional.ofNullable(release).map(p -> p.toAbsolutePath().normalize()), timeout, level, console,
                properties, new Provisioning(Optional.ofNullable(deviceId), group, model), help);
    }

    private static String name(String option, String text) {
        if (!DeviceRecordStore.NAME.matcher(text).matches()) {
            throw new IllegalArgumentException(option + " needs 1..64 of A-Z a-z 0-9 . _ -, got '" + text + "'");
        }
        return text;
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static long positive(String option, String text) {
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(option + " needs a positive number, got '" + text + "'");
    }

    private static String logLevel(String text) {
        return switch (text.toUpperCase(java.util.Locale.ROOT)) {
            case "ERROR", "WARN", "INFO", "DEBUG", "TRACE" -> text.toUpperCase(java.util.Locale.ROOT);
            default -> throw new IllegalArgumentException("unknown log level '" + text + "'");
        };
    }
}
