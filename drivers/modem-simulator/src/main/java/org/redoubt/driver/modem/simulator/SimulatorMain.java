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
            BufferedReader console = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = console.readLine()) != null) {
                System.out.println(script(simulator, line.trim()));
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

    /**
     * @param simulator the modem
     * @param command   one command of the interface
     * @return the reply line
     */
    static String script(ModemSimulator simulator, String command) {
        String[] words = command.split("\\s+", 2);
        String argument = words.length > 1 ? words[1] : "";
        try {
            switch (words[0]) {
                case "call" -> simulator.incomingCall(argument);
                case "hangup" -> simulator.remoteHangUp();
                case "sms" -> simulator.deliverSms(argument);
                case "loss" -> simulator.networkLoss();
                case "back" -> simulator.networkBack();
                case "signal" -> simulator.signal(Integer.parseInt(argument));
                case "time" -> simulator.networkTime(argument);
                case "reset" -> simulator.reset();
                case "help", "" -> {
                    return "commands: call <number>, hangup, sms <pdu>, loss, back, signal <0..31>, time <zone>, reset";
                }
                default -> {
                    return "unknown command '" + words[0] + "' (help lists them)";
                }
            }
            return "ok";
        } catch (RuntimeException e) {
            return "refused: " + e.getMessage();
        }
    }
}
