package io.procmux.ipc;

/**
 * How a {@link UnixServer} binds: listen backlog, whether to accept only peers with this process's
 * uid, and whether to create the socket's parent directory with mode 0700.
 *
 * @param backlog the {@code listen(2)} backlog, 1 or more
 * @param sameUidOnly reject a connecting peer of another uid before reading any byte
 * @param createPrivateDirectory create the parent directory (mode 0700) when missing
 */
public record BindOptions(int backlog, boolean sameUidOnly, boolean createPrivateDirectory) {

    /** Backlog 128, same uid only, private directory created: the safe defaults. */
    public static final BindOptions DEFAULTS = new BindOptions(128, true, true);

    /** Validates the backlog. */
    public BindOptions {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be 1 or more, not " + backlog);
        }
    }
}
