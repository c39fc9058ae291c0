package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DocumentCheck;
import org.redoubt.fleet.cli.documents.DocumentFiles;
import org.redoubt.fleet.cli.documents.DocumentKind;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fleet policy validate} and {@code fleet command validate}: an unsigned document's schema. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check an unsigned document as a handset will, before anyone signs it.",
            "Header (type, version, issuedAt, expires, target),",
            "body (a policy with the handset's PolicyReader), and expiry. On error prints the reason code and JSON path."})
final class ValidateDocument implements Callable<Integer> {

    private final Tool tool;
    private final DocumentKind kind;

    @Mixin
    private Output output;

    @Parameters(index = "0", paramLabel = "FILE", description = "The document.")
    private Path file;

    ValidateDocument(Tool tool, DocumentKind kind) {
        this.tool = tool;
        this.kind = kind;
    }

    @Override
    public Integer call() throws FleetException {
        DocumentCheck.Outcome outcome = new DocumentCheck(tool.provider()).check(kind, DocumentFiles.read(file), tool.now());
        if (outcome instanceof DocumentCheck.Invalid invalid) {
            String path = invalid.path().orElse("$");
            return output.fail(JsonObject.builder().put("valid", false).put("reason", invalid.reason().name())
                    .put("path", path).put("detail", invalid.detail()).build(),
                    invalid.reason() + " at " + path + ": " + invalid.detail().replace(path + ": ", "")
                            .replace(" at " + path, ""));
        }
        DocumentCheck.Valid valid = (DocumentCheck.Valid) outcome;
        return output.print(JsonObject.builder().put("valid", true).put("version", valid.version())
                .put("document", valid.summary()).build(), "valid: " + valid.summary());
    }
}
