package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DeviceCommand;
import org.redoubt.fleet.cli.documents.DocumentFiles;
import org.redoubt.fleet.cli.documents.Expiry;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet command create}: an unsigned command document for one device. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Write an unsigned command for one device.",
            "Type redoubt.command, with a fresh random nonce. Sign it with 'fleet command sign'."})
final class CommandCreate implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Option(names = "--command", required = true, description = "LOCK, WIPE, RESET_PIN or REBOOT")
    private org.redoubt.policy.Command.Action action;

    @Option(names = "--device", required = true, description = "The device id.")
    private String device;

    @Option(names = "--version", required = true, description = "Above the last command's version for this device.")
    private long version;

    @Option(names = "--expires", required = true, description = "A duration such as PT1H or 1h, or an instant.")
    private String expires;

    @Option(names = "--out", required = true, description = "The document file to write.")
    private Path out;

    CommandCreate(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        if (version < 1 || device.isEmpty()) {
            throw new FleetException("a command needs --version >= 1 and a --device");
        }
        Instant now = tool.now();
        byte[] document = new DeviceCommand(tool.provider()).create(action, device, version, now,
                Expiry.parse(expires, now));
        DocumentFiles.write(out, document);
        return output.print(JsonObject.builder().put("file", out.toString()).put("command", action.name())
                .put("device", device).put("version", version).build(),
                "wrote " + action + " v" + version + " for " + device + " to " + out + " (unsigned)");
    }
}
