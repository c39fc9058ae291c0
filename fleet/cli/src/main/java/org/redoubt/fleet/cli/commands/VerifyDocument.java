package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DocumentFiles;
import org.redoubt.fleet.cli.documents.DocumentKind;
import org.redoubt.fleet.cli.documents.HandsetVerification;
import org.redoubt.fleet.cli.documents.TrustedRoots;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleet policy verify} and {@code fleet command verify}: would this handset apply it? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Say whether a handset would apply a signed envelope.",
            "Runs the handset's DocumentVerifier under a root, for one device",
            "(no version floors, time floor now), then its body. Prints accepted or the reason code."})
final class VerifyDocument implements Callable<Integer> {

    private final Tool tool;
    private final DocumentKind kind;

    @Mixin
    private Output output;

    @Option(names = "--root", required = true, description = "The root envelope the handset trusts.")
    private Path root;

    @Option(names = "--device", required = true, description = "The handset's device id.")
    private String device;

    @Option(names = "--group", defaultValue = "", description = "The handset's group.")
    private String group;

    @Option(names = "--model", defaultValue = "", description = "The handset's hardware model.")
    private String model;

    @Parameters(index = "0", paramLabel = "ENVELOPE", description = "The signed envelope.")
    private Path file;

    VerifyDocument(Tool tool, DocumentKind kind) {
        this.tool = tool;
        this.kind = kind;
    }

    @Override
    public Integer call() throws FleetException {
        HandsetVerification.Answer answer = new HandsetVerification(tool.provider()).verify(kind, DocumentFiles.read(file),
                TrustedRoots.load(root, tool.provider()), new DeviceIdentity(device, group, model), tool.now());
        if (!answer.accepted()) {
            String reason = answer.reason().orElseThrow().name();
            return output.fail(JsonObject.builder().put("accepted", false).put("reason", reason)
                    .put("detail", answer.detail()).build(), reason + " " + answer.detail());
        }
        return output.print(JsonObject.builder().put("accepted", true).put("document", answer.detail()).build(),
                "accepted: " + answer.detail());
    }
}
