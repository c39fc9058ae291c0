package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DocumentFiles;
import org.redoubt.fleet.cli.documents.RoleSpec;
import org.redoubt.fleet.cli.documents.RootCeremony;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Option;

/** The options {@code root create} and {@code root rotate} share, and how both write their root. */
final class RootOptions {

    @Option(names = "--expires", required = true, description = "An instant, or a duration such as P365D or 365d.")
    String expires;

    @Option(names = "--sign", required = true, paramLabel = "KEYFILE",
            description = "A root private key file; repeat for each key held here.")
    List<Path> signers;

    @Option(names = "--partial", description = {"Write the root even when it still lacks signatures:",
        "other key holders add theirs with 'fleet root sign'."})
    boolean partial;

    @Option(names = "--out", required = true, description = "The root envelope file to write.")
    Path out;

    /**
     * @param specs    {@code ROLE=KEYFILE[,KEYFILE...]:THRESHOLD} each
     * @param provider reads the keys
     * @return the roles
     * @throws FleetException for a malformed spec, a bad key file or a role given twice
     */
    static Map<Role, RoleEntry> roles(List<String> specs, CryptoProvider provider) throws FleetException {
        Map<Role, RoleEntry> roles = new EnumMap<>(Role.class);
        for (String text : specs) {
            RoleSpec spec = RoleSpec.parse(text);
            if (roles.put(spec.role(), spec.entry(provider)) != null) {
                throw new FleetException("role " + spec.role().id() + " is given twice");
            }
        }
        return roles;
    }

    /**
     * @param result the checked root
     * @param output where to report
     * @return the exit code
     * @throws FleetException when the file cannot be written
     */
    int write(RootCeremony.Result result, Output output) throws FleetException {
        DocumentFiles.write(out, result.envelope());
        String state = result.incomplete().map(why -> "incomplete, " + why).orElse("complete");
        return output.print(JsonObject.builder()
                .put("file", out.toString())
                .put("version", result.root().version())
                .put("expires", result.root().expires().toString())
                .put("complete", result.incomplete().isEmpty())
                .build(),
                "wrote root v" + result.root().version() + " to " + out + " (expires " + result.root().expires()
                + "): " + state);
    }
}
