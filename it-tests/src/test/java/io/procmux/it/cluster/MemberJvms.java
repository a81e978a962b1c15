package io.procmux.it.cluster;

import io.procmux.pool.hazelcast.ClusterMember;
import io.procmux.spawn.Child;
import io.procmux.spawn.Redirect;
import io.procmux.spawn.SpawnSpec;
import io.procmux.spawn.Spawner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cluster members on loopback, each a JVM of its own started through the procmux spawner running
 * {@link ClusterMember}: all know the same list of addresses, so that members started later join
 * too. A member runs until its stdin is closed ({@link #close}) or it is killed.
 */
final class MemberJvms implements AutoCloseable {
    private final Spawner spawner;
    private final String cluster;
    private final List<Integer> ports;
    private final Path logs;
    private final List<Member> started = new ArrayList<>();

    /** A member JVM and its address. */
    record Member(Child child, String address) {
        long pid() {
            return child.pid();
        }
    }

    MemberJvms(Spawner spawner, int capacity, Path logs) throws IOException {
        this.spawner = spawner;
        this.logs = logs;
        this.ports = new ArrayList<>();
        for (int i = 0; i < capacity; i++) {
            ports.add(freePort());
        }
        this.cluster = "procmux-it-" + ports.get(0);
    }

    String cluster() {
        return cluster;
    }

    List<String> addresses() {
        return ports.stream().map(p -> "127.0.0.1:" + p).toList();
    }

    /** Spawns the next member; {@link #awaitReady} waits for it. */
    Child spawnNext() throws IOException {
        int index = started.size();
        if (index == ports.size()) {
            throw new IllegalStateException("all " + ports.size() + " member ports are used");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Child child = spawner.spawn(SpawnSpec.builder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dhazelcast.wait.seconds.before.join=1",
                "-Dprocmux.hazelcast.cluster=" + cluster,
                "-Dprocmux.hazelcast.port=" + ports.get(index),
                "-Dprocmux.hazelcast.members=" + String.join(",", addresses()),
                "-D" + ClusterMember.THREADS_PROPERTY + "=2",
                // what the members may deserialize: the tasks ClusterPoolIT writes (prefixes are not secrets)
                "-Dprocmux.hazelcast.serialFilter=" + ClusterPoolIT.class.getName(),
                ClusterMember.class.getName())
                .stdin(Redirect.PIPE).stdout(Redirect.PIPE)
                .stderr(Redirect.append(logs.resolve("member-" + index + ".log"))).build());
        started.add(new Member(child, "127.0.0.1:" + ports.get(index)));
        return child;
    }

    /** Waits for the member {@code child} to print that it is ready; returns it. */
    Member awaitReady(Child child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.stdout(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Member m = started.stream().filter(s -> s.child == child).findFirst().orElseThrow();
        if (line == null || !line.equals("member " + m.address + " ready")) {
            throw new IllegalStateException("member " + m.address + " said " + line + " instead of being ready; see "
                    + logs);
        }
        return m;
    }

    /** Starts {@code count} members at once and waits until each is ready. */
    List<Member> start(int count) throws IOException {
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(spawnNext());
        }
        List<Member> ready = new ArrayList<>();
        for (Child c : children) {
            ready.add(awaitReady(c));
        }
        return ready;
    }

    List<Member> started() {
        return started;
    }

    /** Closes every member's stdin (it leaves the cluster and exits), killing one that takes over 30 s. */
    @Override
    public void close() throws Exception {
        for (Member m : started) {
            try {
                m.child.stdin().close();
            } catch (IOException e) {
                // already gone
            }
        }
        for (Member m : started) {
            try {
                m.child.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                m.child.terminate(Duration.ofSeconds(2));
            }
            m.child.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
