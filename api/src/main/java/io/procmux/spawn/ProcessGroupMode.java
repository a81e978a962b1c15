package io.procmux.spawn;

/** Which process group and session a child starts in. */
public enum ProcessGroupMode {
    /** The parent's group and session (the default). */
    INHERIT,
    /** A new process group led by the child ({@code setpgid(0, 0)}), so the whole group can be signaled. */
    NEW_GROUP,
    /** A new session and group led by the child ({@code setsid()}), detached from the terminal. */
    NEW_SESSION
}
