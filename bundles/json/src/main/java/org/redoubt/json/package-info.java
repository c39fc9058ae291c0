/**
 * Strict RFC 8259 JSON for signed documents that arrive from untrusted sources: release
 * manifests, policies and commands.
 *
 * <p>{@link org.redoubt.json.JsonParser} turns UTF-8 bytes or a string into an immutable
 * {@link org.redoubt.json.JsonValue}. It accepts exactly the grammar of RFC 8259 and nothing
 * more (no byte order mark, comments, trailing commas, {@code NaN}, leading zeros, duplicate
 * member names or invalid UTF-8), checks the {@link org.redoubt.json.JsonLimits} while it reads,
 * and reports every rejected input as a checked {@link org.redoubt.json.JsonException} with a
 * stable {@link org.redoubt.json.JsonException.Reason}. The typed accessors of
 * {@link org.redoubt.json.JsonObject} and {@link org.redoubt.json.JsonArray} validate the shape of
 * a document and name the offending member by its path, such as {@code $.bundles[3].digest}.
 * {@link org.redoubt.json.JsonWriter} writes values back deterministically.
 *
 * <p>The package depends on nothing but the JDK, so the launcher can use it on the plain class
 * path before the framework starts.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
