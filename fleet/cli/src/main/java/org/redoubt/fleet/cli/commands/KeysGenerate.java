package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.documents.Role;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.keys.KeyGeneration;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet keys generate}: one role key of the key ceremony. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a role key (NIST or SM suite) into a directory you name.",
            "Writes <role>-<keyid prefix>.<scheme>.pem (PKCS#8, mode 0600)",
            "and its public half as .pub. Prints the key id (SHA-256 of the SubjectPublicKeyInfo) and the public key."})
final class KeysGenerate implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Option(names = "--role", required = true, description = "root, policy, release or command")
    private Role role;

    @Option(names = "--suite", required = true, description = "nist or sm")
    private Suite suite;

    @Option(names = "--scheme", description = "ed25519 or ecdsa-p256-sha256 (nist; default ecdsa-p256-sha256), sm2-sm3 (sm)")
    private String scheme;

    @Option(names = "--out", required = true, description = "The directory to write into (created if missing).")
    private Path out;

    KeysGenerate(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        Optional<SignatureScheme> asked = Optional.empty();
        if (scheme != null) {
            asked = Optional.of(SignatureScheme.fromId(scheme).orElseThrow(() -> new FleetException(
                    "unknown scheme \"" + scheme + "\": ed25519, ecdsa-p256-sha256 or sm2-sm3")));
        }
        KeyGeneration.GeneratedKey key = new KeyGeneration(tool.provider()).generate(role,
                KeyGeneration.scheme(suite, asked), out);
        return output.print(JsonObject.builder()
                .put("role", role.id())
                .put("scheme", key.scheme().id())
                .put("keyid", key.keyId().hex())
                .put("publicKey", key.publicKey())
                .put("privateKeyFile", key.privateKeyFile().toString())
                .put("publicKeyFile", key.publicKeyFile().toString())
                .build(),
                "key id      " + key.keyId().hex() + "\n"
                + "scheme      " + key.scheme().id() + "\n"
                + "public key  " + key.publicKey() + "\n"
                + "private key " + key.privateKeyFile() + " (mode 0600: keep it offline, never send it)\n"
                + "public file " + key.publicKeyFile());
    }
}
