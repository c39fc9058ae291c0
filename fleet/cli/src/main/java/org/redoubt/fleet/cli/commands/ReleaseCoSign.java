package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.keys.OpenKeys;
import org.redoubt.fleet.cli.release.ReleaseSigning;
import org.redoubt.json.JsonObject;
import org.redoubt.runtime.release.ReleaseVerifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleet release co-sign}: the next key holder of the release role adds a signature. */
@Command(name = "co-sign", aliases = "sign", mixinStandardHelpOptions = true,
        description = {"Add your release key's signature to a release directory's " + ReleaseVerifier.MANIFEST + ", in place",
            "(k-of-n co-signing; each holder with only their own key file). The bundle files are not touched.",
            "The whole directory is checked first as a handset checks it (signatures aside: every file's",
            "digest and size, the document, the expiry); a key that signed already is refused."})
final class ReleaseCoSign implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Option(names = "--key", required = true, description = "Your release private key file.")
    private Path key;

    @Parameters(index = "0", paramLabel = "RELEASE_DIR", description = "The release directory.")
    private Path directory;

    ReleaseCoSign(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        ReleaseSigning.Signed signed;
        try (OpenKeys keys = OpenKeys.read(List.of(key), tool.provider())) {
            signed = new ReleaseSigning(tool.provider()).addSignature(directory, keys.keys().get(0), tool.now());
        }
        String keyId = signed.keyIds().get(0);
        return output.print(JsonObject.builder()
                .put("directory", directory.toString())
                .put("document", signed.release().summary())
                .put("keyid", keyId)
                .put("signatures", (long) signed.signatures())
                .build(),
                "signed " + signed.release().summary() + "\n  by key " + keyId + "; "
                + directory.resolve(ReleaseVerifier.MANIFEST) + " now has " + signed.signatures() + " signature(s)");
    }
}
