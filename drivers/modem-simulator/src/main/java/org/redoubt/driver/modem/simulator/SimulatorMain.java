package org.redoubt.driver.modem.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs the simulator standalone: {@code java -jar modem-simulator.jar [--port N]} (default 5555).
 * Standard input is the command interface for the network side: {@code call <number>},
 * {@code hangup}, {@code sms <pdu>}, {@code loss}, {@code back}, {@code signal <0..31>},
 * {@code time <zone>}, {@code reset}, {@code help}.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    /**
     * @param args {@code --port N}
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = 5555;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: modem-simulator [--port N]");
                System.exit(2);
            }
        }
        ModemSimulator simulator = new ModemSimulator();
        try (SimulatorServer server = new SimulatorServer(simulator, port)) {
            System.out.println("MODEM-SIMULATOR LISTENING " + server.port());
            SimulatorConsole console = new SimulatorConsole(simulator);
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = input.readLine()) != null) {
                System.out.println(console.execute(line));
            }
            // No console (e.g. started in the background): serve until killed.
            if (System.console() == null) {
                try {
                    Thread.currentThread().join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
