/**
 * What the shell shows of the policy in force. Only {@link
 * org.redoubt.shell.internal.policy.PolicyStatusView} depends on the policy API (imported
 * optionally); the rest of the shell sees {@link org.redoubt.shell.internal.policy.PolicyView}.
 */
package org.redoubt.shell.internal.policy;
