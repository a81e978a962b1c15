package io.procmux.spawn.posix;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * A NULL-terminated {@code char *[]} (an argv or an envp) and its NUL-terminated strings in one
 * block of native memory, written straight from Java strings: {@code posix_spawnp} receives the
 * address, and nothing is encoded for the call or decoded back after it (jnr's
 * {@code CharSequence[]} parameters do both on every call, for every string).
 *
 * <p>A builder may be refilled any number of times ({@link #reset}); its memory grows by doubling
 * and is then reused, so a refill of strings that fit allocates nothing (ASCII is copied char by
 * char; other strings go through one {@code getBytes}). Not thread-safe.
 *
 * <p>Cost: the native block (pointer array plus string bytes) and a staging byte array of the same
 * size, both kept for the life of this object; no system call.
 */
final class NativeStrings {
    private static final int MIN_CAPACITY = 1024;

    private final Runtime runtime;
    private final int addressSize;
    private Pointer block;
    private byte[] staging;
    private int count;
    private int used;

    NativeStrings(Runtime runtime, int initialBytes) {
        this.runtime = runtime;
        this.addressSize = runtime.addressSize();
        int capacity = Math.max(MIN_CAPACITY, initialBytes);
        this.block = Memory.allocateDirect(runtime, capacity, false);
        this.staging = new byte[capacity];
    }

    /** A block holding {@code strings}, sized to fit. */
    static NativeStrings of(Runtime runtime, List<String> strings) {
        NativeStrings s = new NativeStrings(runtime, estimate(strings));
        s.fill(strings);
        return s;
    }

    /** A block holding {@code NAME=value} for every entry of {@code env}, in the map's order. */
    static NativeStrings ofEnvironment(Runtime runtime, Map<String, String> env) {
        NativeStrings s = new NativeStrings(runtime, 1024);
        s.fillEnvironment(env);
        return s;
    }

    private static int estimate(List<String> strings) {
        int n = 0;
        for (String s : strings) {
            n += s.length() * 3 + 1;
        }
        return n;
    }

    /** Replaces the content with {@code strings}; returns the vector. */
    Pointer fill(List<String> strings) {
        int n = strings.size();
        reset(n);
        for (int i = 0; i < n; i++) {
            add(strings.get(i), null);
        }
        return finish();
    }

    /** Replaces the content with one {@code NAME=value} string per entry; returns the vector. */
    Pointer fillEnvironment(Map<String, String> env) {
        reset(env.size());
        for (Map.Entry<String, String> e : env.entrySet()) {
            add(e.getKey(), e.getValue());
        }
        return finish();
    }

    /** The vector ({@code char **}) of the last fill. */
    Pointer vector() {
        return block;
    }

    /**
     * The address of string {@code index} of the last fill ({@code char *}), e.g. the program
     * name for {@code posix_spawnp}'s {@code file} argument.
     */
    long stringAddress(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("string " + index + " of " + count);
        }
        return block.getAddress((long) index * addressSize);
    }

    private void reset(int strings) {
        count = 0;
        used = (strings + 1) * addressSize; // the vector comes first, strings after it
        ensure(used);
    }

    /** Appends {@code first}, or {@code first=second} when second is not null. */
    private void add(String first, String second) {
        int start = used;
        put(first);
        if (second != null) {
            ensure(used + 1);
            staging[used++] = '=';
            put(second);
        }
        ensure(used + 1);
        staging[used++] = 0;
        block.putAddress((long) count * addressSize, block.address() + start);
        count++;
    }

    private void put(String s) {
        int len = s.length();
        ensure(used + len);
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                putEncoded(s);
                return;
            }
            staging[used + i] = (byte) c;
        }
        used += len;
    }

    /** The slow path: a string with non-ASCII characters (SpawnSpec refuses NUL characters). */
    private void putEncoded(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ensure(used + bytes.length);
        System.arraycopy(bytes, 0, staging, used, bytes.length);
        used += bytes.length;
    }

    private Pointer finish() {
        block.putAddress((long) count * addressSize, 0L);
        int vectorBytes = (count + 1) * addressSize;
        block.put(vectorBytes, staging, vectorBytes, used - vectorBytes);
        return block;
    }

    /** Grows the block and the staging array to hold {@code bytes}, keeping what is written. */
    private void ensure(int bytes) {
        if (bytes <= staging.length) {
            return;
        }
        int capacity = Math.max(bytes, staging.length * 2);
        Pointer bigger = Memory.allocateDirect(runtime, capacity, false);
        long delta = bigger.address() - block.address();
        for (int i = 0; i < count; i++) {
            bigger.putAddress((long) i * addressSize, block.getAddress((long) i * addressSize) + delta);
        }
        staging = java.util.Arrays.copyOf(staging, capacity);
        block = bigger;
    }
}
