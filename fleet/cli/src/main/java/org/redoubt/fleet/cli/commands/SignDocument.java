package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.redoubt.crypto.api.SigningKey;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.Cosigning;
import org.redoubt.fleet.cli.documents.DocumentFiles;
import org.redoubt.fleet.cli.documents.DocumentKind;
import org.redoubt.fleet.cli.keys.OpenKeys;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleet sign --type T}, {@code fleet policy sign}, {@code fleet command sign} and
 * {@code fleet root sign}: one key holder's signature, on a new envelope or added to one.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign a document, or add your signature to an envelope (k-of-n co-signing).",
            "--in makes a new envelope; --envelope adds this key's signature to an envelope other key holders",
            "signed (each holder with only their own key file).",
            "The document is checked as a handset checks it first; a key that signed already is refused."})
final class SignDocument implements Callable<Integer> {

    private final Tool tool;
    private final DocumentKind fixedKind;

    @Mixin
    private Output output;

    @Option(names = "--type", description = "policy, command or root (implied by 'fleet policy sign' etc.)")
    private DocumentKind type;

    @Option(names = "--key", required = true, description = "Your private key file.")
    private Path key;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    @Option(names = "--out", description = "Where to write the envelope (default with --envelope: in place).")
    private Path out;

    /** Either a document to sign first, or an envelope to co-sign. */
    static final class Source {
        @Option(names = "--in", required = true, description = "The unsigned document (its exact bytes are signed).")
        Path document;

        @Option(names = "--envelope", required = true, description = "An envelope to add this key's signature to.")
        Path envelope;
    }

    /**
     * @param tool      provider and clock
     * @param fixedKind the kind the command's place implies, or null for {@code fleet sign --type}
     */
    SignDocument(Tool tool, DocumentKind fixedKind) {
        this.tool = tool;
        this.fixedKind = fixedKind;
    }

    @Override
    public Integer call() throws FleetException {
        DocumentKind kind = kind();
        Path target = source.document != null ? out : (out != null ? out : source.envelope);
        if (target == null) {
            throw new FleetException("--out is needed with --in");
        }
        Cosigning.Signed signed;
        try (OpenKeys keys = OpenKeys.read(List.of(key), tool.provider())) {
            SigningKey signer = keys.keys().get(0);
            Cosigning cosigning = new Cosigning(tool.provider());
            signed = source.document != null
                    ? cosigning.sign(kind, DocumentFiles.read(source.document), signer, tool.now())
                    : cosigning.addSignature(kind, DocumentFiles.read(source.envelope), signer, tool.now());
        }
        DocumentFiles.write(target, signed.envelope());
        return output.print(JsonObject.builder()
                .put("file", target.toString())
                .put("document", signed.summary())
                .put("keyid", signed.keyId())
                .put("signatures", signed.signatures())
                .build(),
                "signed " + signed.summary() + "\n  by key " + signed.keyId() + "; " + target + " now has "
                + signed.signatures() + " signature(s)");
    }

    private DocumentKind kind() throws FleetException {
        if (fixedKind != null && type != null && type != fixedKind) {
            throw new FleetException("this command signs a " + fixedKind.id() + ", not a " + type.id());
        }
        if (fixedKind == null && type == null) {
            throw new FleetException("--type is required: policy, command or root");
        }
        return fixedKind != null ? fixedKind : type;
    }
}
