package io.procmux.spawn.posix;

import io.procmux.spawn.EnvironmentSpec;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * The native memory one thread reuses for every spawn it makes: the argv block, the block of the
 * last custom environment (kept while the next spawn asks for the same {@link EnvironmentSpec},
 * which is immutable, as Java's copy of this process's environment is), the
 * {@code posix_spawn_file_actions_t}, the pid out-parameter, and an {@code epoll_event} for
 * handing the pidfd to the reaper. The inherited environment's block is built once per JVM.
 *
 * <p>Cost: about 2.5 KiB of native memory and as much heap per thread that ever spawned, freed
 * when that thread is gone; a spawn with fitting arguments allocates none of it again.
 */
final class SpawnScratch {
    private static final ThreadLocal<SpawnScratch> PER_THREAD = new ThreadLocal<>();

    final NativeStrings argv;
    final Pointer fileActions;
    final Pointer pid;
    final int[] epollEvent = new int[EpollSet.EVENT_INTS];
    private final Native nat;
    private @Nullable NativeStrings customEnvironment;
    private @Nullable EnvironmentSpec customSpec;

    private SpawnScratch(Native nat) {
        this.nat = nat;
        this.argv = new NativeStrings(nat.runtime(), 1024);
        this.fileActions = Memory.allocateDirect(nat.runtime(), FileActions.MEMORY_BYTES, true);
        this.pid = Memory.allocateDirect(nat.runtime(), 8, true);
    }

    /** This thread's scratch, created on its first spawn. */
    static SpawnScratch get(Native nat) {
        SpawnScratch s = PER_THREAD.get();
        if (s == null) {
            s = new SpawnScratch(nat);
            PER_THREAD.set(s);
        }
        return s;
    }

    /** The {@code envp} for {@code env}: the JVM-wide block when inherited unchanged, else this thread's. */
    Pointer environment(EnvironmentSpec env) {
        if (env.inherit() && env.set().isEmpty() && env.remove().isEmpty()) {
            return Inherited.BLOCK.vector(); // the common case: built once per JVM
        }
        NativeStrings block = customEnvironment;
        if (block != null && (env == customSpec || env.equals(customSpec))) {
            return block.vector();
        }
        if (block == null) {
            block = new NativeStrings(nat.runtime(), 1024);
            customEnvironment = block;
        }
        customSpec = env;
        return block.fillEnvironment(env.resolve(System.getenv()));
    }

    /** This JVM's environment; Java's copy of it never changes. */
    private static final class Inherited {
        static final NativeStrings BLOCK = NativeStrings.ofEnvironment(Native.get().runtime(),
                EnvironmentSpec.INHERITED.resolve(System.getenv()));
    }
}
