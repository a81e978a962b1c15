/**
 * An example third-party spawner, {@code sandbox}: every child runs without network (a new network
 * namespace), at nice 10 and the idle I/O class, with core dumps off and at most 1,024 open files.
 * It is what the README's "write your own backend" guide builds: one provider class
 * ({@link io.procmux.example.sandbox.SandboxSpawnerProvider}) plus the spawner it creates.
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.example.sandbox;

import org.jspecify.annotations.NullMarked;
