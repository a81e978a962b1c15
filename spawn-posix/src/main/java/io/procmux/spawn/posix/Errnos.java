package io.procmux.spawn.posix;

import jnr.constants.platform.Errno;

/** The errno values the backend branches on, for the running platform (from jnr-constants). */
final class Errnos {
    static final int EINTR = Errno.EINTR.intValue();
    static final int ECHILD = Errno.ECHILD.intValue();
    static final int ESRCH = Errno.ESRCH.intValue();
    static final int EPERM = Errno.EPERM.intValue();
    static final int EACCES = Errno.EACCES.intValue();

    private Errnos() {
    }
}
