package io.procmux.nativesupport;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * One anonymous page marked {@code MADV_WIPEONFORK} (Linux 4.14+): the kernel hands a forked child
 * a zero-filled copy, so a non-zero marker byte proves, with a plain memory read and no syscall,
 * that this is still the process that wrote it (the technique glibc and OpenSSL use for their
 * random generators).
 *
 * <p>Cost: one page of memory, three syscalls to create, one to free; {@link #intact()} is one
 * memory read (no JNI call) and allocates nothing. Not thread-safe to free: the owner frees it only
 * when no other thread can be checking.
 */
public final class WipeOnForkPage {
    private static final long SIZE = 4096;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MADV_WIPEONFORK = 18;

    private final Pointer raw;
    private final ByteBuffer page;
    private boolean freed;

    private WipeOnForkPage(Pointer raw) {
        this.raw = raw;
        this.page = MemoryIO.getInstance().newDirectByteBuffer(raw.address(), (int) SIZE);
        page.put(0, (byte) 1);
    }

    /** Maps and marks a page, or returns null when the kernel cannot wipe on fork (or is not Linux). */
    public static @Nullable WipeOnForkPage tryOpen() {
        if (!SupportNative.isLinux()) {
            return null;
        }
        SupportLibC libc = SupportNative.libc();
        Pointer raw = libc.mmap(null, SIZE, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0);
        if (raw == null || raw.address() == -1L || raw.address() == 0) {
            return null;
        }
        if (libc.madvise(raw, SIZE, MADV_WIPEONFORK) != 0) {
            libc.munmap(raw, SIZE);
            return null;
        }
        return new WipeOnForkPage(raw);
    }

    /** Whether the marker survives: false in a child forked after the page was made. */
    public boolean intact() {
        return page.get(0) != 0;
    }

    /** Unmaps the page; idempotent. */
    public void free() {
        if (!freed) {
            freed = true;
            SupportNative.libc().munmap(raw, SIZE);
        }
    }

    /** Does to the marker what a fork does to the child's copy; for tests. */
    public void wipeAsForkWould() {
        page.put(0, (byte) 0);
    }
}
