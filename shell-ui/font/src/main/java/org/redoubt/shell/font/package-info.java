/**
 * The handset's typeface: Noto Sans SC Regular (SIL Open Font License 1.1, {@code fonts/OFL.txt}
 * in this bundle), which covers Latin, the GSM alphabet's symbols and Simplified Chinese, so one
 * font draws every screen in English and in Chinese.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.shell.font;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
