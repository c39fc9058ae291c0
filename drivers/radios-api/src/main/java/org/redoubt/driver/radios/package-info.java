/**
 * The handset's radio switches: Bluetooth, Wi-Fi, NFC and USB data. Every radio is off when the
 * driver starts and stays off unless something (the policy agent, enforcing a signed policy)
 * switches it on. A radio the policy disables is switched off and refuses to be switched on
 * ({@link org.redoubt.driver.radios.RadioException.Reason#DISABLED_BY_POLICY}); whether a radio
 * may be switched on is
 * {@link org.redoubt.driver.radios.Radios#isAllowed(org.redoubt.driver.radios.Radio)}. There is
 * no camera and no location radio, by design.
 *
 * <p>Since 1.2, {@link org.redoubt.driver.radios.WifiNetworks} lists and joins Wi-Fi networks
 * within the policy's SSID allowlist and minimum security
 * ({@link org.redoubt.driver.radios.RadioException.Reason#NOT_ALLOWED_BY_POLICY} otherwise).
 *
 * <p>Since 1.3, each radio's driver is a {@link org.redoubt.driver.radios.RadioDevice} service
 * that exists only while the policy allows the radio: a policy that disables it switches it off,
 * stops its driver and withdraws its services (for Wi-Fi also
 * {@link org.redoubt.driver.radios.WifiNetworks}); a policy that allows it again brings them back.
 *
 * @since 1.0
 */
@Export
@Version("1.3.0")
package org.redoubt.driver.radios;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
