package org.redoubt.bench.boot;

import java.util.List;
import java.util.Map;

/**
 * How to start one boot.
 *
 * @param command     the process's command line
 * @param environment variables set for it (on top of the cleaned harness environment)
 * @param marker      the start of the standard output line that ends the timed part
 */
record Launch(List<String> command, Map<String, String> environment, String marker) {

    Launch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
