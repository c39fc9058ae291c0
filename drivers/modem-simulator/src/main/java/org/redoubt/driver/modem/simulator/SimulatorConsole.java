package org.redoubt.driver.modem.simulator;

import java.util.Objects;

/**
 * The command interface for the network side of a simulator: one line in, one reply line out.
 * The standalone simulator reads it from standard input; in the framework it is the Gogo command
 * {@code modem:sim}.
 */
public final class SimulatorConsole {

    /** What {@code help} answers. */
    static final String HELP = "commands: call <number>, answer, busy, hangup, sms <from> <text>, pdu <hex>, unreachable <number>, loss, back, roam on|off, signal <0..31>, time <zone>, reset";

    private final ModemSimulator simulator;

    /** @param simulator the modem the commands act on */
    public SimulatorConsole(ModemSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    /**
     * @param command one command, e.g. {@code call +15551234}
     * @return {@code ok}, the help text, or why the command was refused
     */
    public String execute(String command) {
        String[] words = command.strip().split("\\s+", 2);
        String argument = words.length > 1 ? words[1] : "";
        try {
            switch (words[0]) {
                case "call" -> simulator.incomingCall(argument);
                case "hangup" -> simulator.remoteHangUp();
                case "answer" -> simulator.remoteAnswer();
                case "busy" -> simulator.remoteBusy();
                case "sms" -> {
                    String[] sms = argument.split("\\s+", 2);
                    simulator.smsFrom(sms[0], sms.length > 1 ? sms[1] : "");
                }
                case "pdu" -> simulator.deliverSms(argument);
                case "unreachable" -> simulator.unreachable(argument);
                case "loss" -> simulator.networkLoss();
                case "back" -> simulator.networkBack();
                case "roam" -> simulator.roaming(switchedOn(argument));
                case "signal" -> simulator.signal(Integer.parseInt(argument));
                case "time" -> simulator.networkTime(argument);
                case "reset" -> simulator.reset();
                case "help", "" -> {
                    return HELP;
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

    private static boolean switchedOn(String argument) {
        return switch (argument) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("roam takes on or off, not '" + argument + "'");
        };
    }
}
