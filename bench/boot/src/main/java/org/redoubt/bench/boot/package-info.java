/**
 * The boot benchmark: {@link org.redoubt.bench.boot.BaselineLauncher} boots a bare Apache Felix with
 * SCR and Config Admin as the yardstick, {@link org.redoubt.bench.boot.BootBench} times it against
 * the production distribution's {@code bin/redoubt}. Depends only on the JDK (and, in the baseline
 * JVM, on the framework jar found through {@code FrameworkFactory}); never deployed anywhere.
 */
package org.redoubt.bench.boot;
