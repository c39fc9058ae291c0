/**
 * The handset policy (SECURITY.md, "Policy fields"): what a signed {@code redoubt.policy}
 * document's body may say, read strictly by {@link org.redoubt.policy.PolicyReader}. A field a
 * policy leaves out is not managed: the handset's own setting stays, and the user may change it; a
 * field it sets is managed, and the shell shows it so.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.policy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
