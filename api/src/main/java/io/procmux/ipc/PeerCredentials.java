package io.procmux.ipc;

/**
 * Who is at the other end of a Unix socket connection, as the kernel reports it
 * ({@code SO_PEERCRED} on Linux, {@code LOCAL_PEERCRED} on macOS).
 *
 * @param pid the peer's process id at connect time (-1 where the OS does not report it)
 * @param uid the peer's effective user id
 * @param gid the peer's effective group id
 */
public record PeerCredentials(long pid, int uid, int gid) {
}
