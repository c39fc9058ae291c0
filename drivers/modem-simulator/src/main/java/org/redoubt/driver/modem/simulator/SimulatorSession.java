package org.redoubt.driver.modem.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One AT client of the simulator over a pair of streams: commands end with CR (LF is ignored),
 * echo follows ATE0/ATE1 (on by default, as on a real modem), a prompted command takes its
 * payload up to Ctrl-Z (ESC cancels), and unsolicited results arrive between answers.
 */
public final class SimulatorSession implements Runnable {

    private static final int MAX_LINE = 4096;

    private final ModemSimulator simulator;
    private final InputStream in;
    private final OutputStream out;
    private final Consumer<String> unsolicited = this::write;
    private boolean echo = true;

    /**
     * @param simulator the modem
     * @param in        what the client sends
     * @param out       what the client receives
     */
    public SimulatorSession(ModemSimulator simulator, InputStream in, OutputStream out) {
        this.simulator = simulator;
        this.in = in;
        this.out = out;
    }

    /** Serves the client until its stream ends. */
    @Override
    public void run() {
        simulator.attach(unsolicited);
        try {
            String prompted = null;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (prompted != null) {
                    if (b == 0x1a) {
                        answer(simulator.payload(prompted, line.toString(StandardCharsets.US_ASCII).trim()));
                        prompted = null;
                        line.reset();
                    } else if (b == 0x1b) {
                        write("\r\nOK\r\n");
                        prompted = null;
                        line.reset();
                    } else if (line.size() < MAX_LINE) {
                        line.write(b);
                    }
                    continue;
                }
                if (b == '\n') {
                    continue;
                }
                if (b != '\r') {
                    if (line.size() < MAX_LINE) {
                        line.write(b);
                    }
                    continue;
                }
                String command = line.toString(StandardCharsets.US_ASCII);
                line.reset();
                if (command.isBlank()) {
                    continue;
                }
                if (echo) {
                    write(command + "\r");
                }
                String upper = command.trim().toUpperCase(java.util.Locale.ROOT);
                if (upper.equals("ATE0") || upper.equals("ATE1")) {
                    echo = upper.equals("ATE1");
                }
                ModemSimulator.Answer answer = simulator.execute(command);
                answer(answer);
                if (answer.prompting()) {
                    prompted = command.trim();
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            simulator.detach(unsolicited);
        }
    }

    private void answer(ModemSimulator.Answer answer) {
        write(answer.text());
        if (answer.afterwards() != null) {
            write(answer.afterwards());
        }
    }

    private synchronized void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            simulator.detach(unsolicited);
        }
    }
}
