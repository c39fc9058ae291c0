/**
 * The Bouncy Castle (lightweight API) implementation of {@link org.redoubt.crypto.api.CryptoProvider}.
 * Private: reached only through the service registry or {@link java.util.ServiceLoader}. Never
 * installs a JCA provider ({@code Security.addProvider} is global mutable state).
 */
package org.redoubt.crypto.bc.internal;
