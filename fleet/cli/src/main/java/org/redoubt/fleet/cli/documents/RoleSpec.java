package org.redoubt.fleet.cli.documents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.VerificationKey;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRootWriter.RoleEntry;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.keys.PublicKeyFile;

/**
 * One role of a root as the operator writes it on the command line:
 * {@code ROLE=KEYFILE[,KEYFILE...]:THRESHOLD}, e.g. {@code policy=alice.pub,bob.pub,carol.pub:2}.
 * Key files are {@code .pub} files or private key files (whose public half is taken).
 *
 * @param role      the role
 * @param keyFiles  its keys' files, at least one
 * @param threshold how many of them must sign
 */
public record RoleSpec(Role role, List<Path> keyFiles, int threshold) {

    /** Copies the list. */
    public RoleSpec {
        keyFiles = List.copyOf(keyFiles);
    }

    /**
     * @param text {@code ROLE=KEYFILE[,KEYFILE...]:THRESHOLD}
     * @return the spec
     * @throws FleetException when the text does not have that form or names an unknown role
     */
    public static RoleSpec parse(String text) throws FleetException {
        int equals = text.indexOf('=');
        int colon = text.lastIndexOf(':');
        if (equals < 1 || colon < equals + 2 || colon == text.length() - 1) {
            throw new FleetException("role \"" + text + "\": write ROLE=KEYFILE[,KEYFILE...]:THRESHOLD");
        }
        String name = text.substring(0, equals);
        Role role = Role.fromId(name).orElseThrow(() -> new FleetException(
                "unknown role \"" + name + "\": one of root, policy, release, command"));
        int threshold;
        try {
            threshold = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new FleetException("role " + name + ": the threshold after ':' is a number", e);
        }
        List<Path> files = new ArrayList<>();
        for (String file : text.substring(equals + 1, colon).split(",")) {
            if (file.isBlank()) {
                throw new FleetException("role " + name + ": an empty key file name");
            }
            files.add(Path.of(file));
        }
        if (threshold < 1 || threshold > files.size()) {
            throw new FleetException("role " + name + ": the threshold must be 1.." + files.size() + ", not " + threshold);
        }
        return new RoleSpec(role, files, threshold);
    }

    /**
     * @param provider reads the keys
     * @return the role's entry for {@link org.redoubt.crypto.documents.TrustRootWriter}
     * @throws FleetException when a key file is not a key, or a key is listed twice
     */
    public RoleEntry entry(CryptoProvider provider) throws FleetException {
        List<VerificationKey> keys = new ArrayList<>();
        for (Path file : keyFiles) {
            VerificationKey key = PublicKeyFile.read(file, provider);
            if (keys.contains(key)) {
                throw new FleetException("role " + role.id() + ": " + file + " repeats key " + key.keyId());
            }
            keys.add(key);
        }
        return new RoleEntry(threshold, keys);
    }
}
