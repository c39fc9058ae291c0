/**
 * The device keystore: the handset's identity key pair, generated on first boot in the active
 * suite and sealed at rest under the device secret, and the PKCS#10 certificate request an
 * operator CA signs to issue the handset's MQTT client certificate.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.crypto.keystore;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
