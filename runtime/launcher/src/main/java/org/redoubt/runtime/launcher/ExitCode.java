package org.redoubt.runtime.launcher;

/**
 * The launcher's exit codes. They are part of its interface: scripts, the boot benchmark and the
 * A/B fallback logic read them. {@code runtime/README.md} documents the same table.
 */
public enum ExitCode {
    /** The runtime stopped cleanly: SIGTERM, Ctrl-C or a framework stop from inside. */
    OK(0),
    /** An unexpected internal error (a bug): the message and cause are printed. */
    INTERNAL_ERROR(1),
    /** The command line is wrong. */
    USAGE(2),
    /** The data directory cannot be created, written or read, or its boot record is corrupt. */
    DATA_DIRECTORY(3),
    /** Another runtime already runs on this data directory. */
    DATA_DIRECTORY_LOCKED(4),
    /** The release failed verification: untrusted signature, tampered, missing or unlisted bundle, bad manifest. */
    RELEASE_REJECTED(10),
    /** There is no committed release and no factory release to provision. */
    NO_RELEASE(11),
    /** The framework could not be created or started, or a bundle could not be installed. */
    FRAMEWORK_FAILED(12),
    /** No trust root is provisioned, or the provisioned one is corrupt or not signed by its own root keys. */
    TRUST_ROOT(13);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the process exit status */
    public int code() {
        return code;
    }
}
