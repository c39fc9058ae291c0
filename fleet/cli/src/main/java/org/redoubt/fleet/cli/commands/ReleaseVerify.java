package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.TrustedRoots;
import org.redoubt.fleet.cli.release.ReleaseCheck;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleet release verify}: would a handset take this release directory? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Say whether a handset would take a release directory.",
            "Runs the launcher's ManifestAuthenticator and ReleaseVerifier under a root: a threshold of the",
            "release role's keys, document and payload type, target, then every listed file's size, digest and",
            "declared bundle identity, nothing unlisted in bundles/; and the manifest must not have expired.",
            "No release-number floor (the tool cannot know what each handset runs). Prints accepted or every",
            "problem with its reason code."})
final class ReleaseVerify implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Option(names = "--root", required = true, description = "The root envelope the handset trusts.")
    private Path root;

    @Option(names = "--device", defaultValue = "", description = "The handset's device id (default: the release's target).")
    private String device;

    @Option(names = "--group", defaultValue = "", description = "The handset's group (default: the release's target).")
    private String group;

    @Option(names = "--model", defaultValue = "", description = "The handset's hardware model (default: the release's target).")
    private String model;

    @Parameters(index = "0", paramLabel = "RELEASE_DIR", description = "The release directory.")
    private Path directory;

    ReleaseVerify(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        byte[] envelope = ReleaseCheck.readEnvelope(directory);
        ReleaseCheck.Outcome outcome = new ReleaseCheck(tool.provider()).verify(directory, envelope,
                TrustedRoots.load(root, tool.provider()), new DeviceIdentity(device, group, model), tool.now());
        if (outcome instanceof ReleaseCheck.Refused refused) {
            JsonArray.Builder problems = JsonArray.builder();
            refused.problems().forEach(problem -> problems.add(JsonObject.builder().put("reason", problem.reason())
                    .put("subject", problem.subject()).put("detail", problem.detail()).build()));
            return output.fail(JsonObject.builder().put("accepted", false).put("problems", problems.build()).build(),
                    refused.describe());
        }
        ReleaseCheck.Accepted accepted = (ReleaseCheck.Accepted) outcome;
        return output.print(JsonObject.builder().put("accepted", true).put("document", accepted.summary())
                .put("release", accepted.manifest().release()).build(), "accepted: " + accepted.summary());
    }
}
