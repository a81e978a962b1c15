package io.procmux.pool.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.pool.AsyncResult;
import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.pool.SerializableFunction;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task classes only a custom class loader can see: an embedded member created while that loader
 * is the context class loader runs them (and their results come back); a member that does not
 * have the loader fails the task naming the missing class.
 */
class CallerClassLoaderTest {
    private static final PoolOptions TWO = PoolOptions.builder().processes(2).build();

    /** Compiles a task class and its result class into {@code dir}, outside the test class path. */
    private static URLClassLoader pluginLoader(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/plugin"));
        Files.writeString(src.resolve("Shout.java"), """
                package plugin;
                public final class Shout implements io.procmux.pool.SerializableFunction<String, Loud> {
                    public Loud apply(String s) { return new Loud(s.toUpperCase() + "!"); }
                }
                """);
        Files.writeString(src.resolve("Loud.java"), """
                package plugin;
                public record Loud(String text) implements java.io.Serializable { }
                """);
        Path out = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve("Shout.java").toString(), src.resolve("Loud.java").toString());
        assertThat(rc).isZero();
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, CallerClassLoaderTest.class.getClassLoader());
    }

    @SuppressWarnings("unchecked")
    private static SerializableFunction<String, Object> shout(ClassLoader loader) throws Exception {
        return (SerializableFunction<String, Object>) loader.loadClass("plugin.Shout").getConstructor().newInstance();
    }

    private static Pool withContextLoader(ClassLoader loader, HazelcastPoolOptions options) {
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        me.setContextClassLoader(loader);
        try {
            return new HazelcastPoolProvider().create(TWO, options);
        } finally {
            me.setContextClassLoader(before);
        }
    }

    @Test
    void anEmbeddedMemberFindsTaskClassesInTheContextClassLoaderThePoolWasCreatedWith(@TempDir Path dir) throws Exception {
        try (URLClassLoader plugin = pluginLoader(dir)) {
            assertThat(plugin.loadClass("plugin.Shout").getClassLoader()).isSameAs(plugin);
            try (Pool pool = withContextLoader(plugin, HazelcastPoolOptions.builder().allow("plugin.**").build())) {
                Object loud = pool.apply(shout(plugin), "hi");
                assertThat(loud.getClass().getClassLoader()).isSameAs(plugin);
                assertThat(loud).hasToString("Loud[text=HI!]");
                assertThat(pool.map(shout(plugin), List.of("a", "b"))).extracting(Object::toString)
                        .containsExactly("Loud[text=A!]", "Loud[text=B!]");
            }
        }
    }

    @Test
    void aMemberWithoutTheLoaderFailsTheTaskNamingTheMissingClass(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String cluster = "procmux-loader-" + port;
        // as a member in another JVM: started without the plugin loader
        var member = ClusterMember.start(HazelcastPoolOptions.builder().clusterName(cluster).port(port)
                .allow("plugin.**").build(), 2);
        try (URLClassLoader plugin = pluginLoader(dir);
             Pool client = withContextLoader(plugin, HazelcastPoolOptions.builder().clusterName(cluster).client(true)
                     .members(List.of("127.0.0.1:" + port)).build())) {
            AsyncResult<Object> r = client.applyAsync(shout(plugin), "hi");
            Throwable cause = null;
            try {
                r.get();
            } catch (ExecutionException e) {
                cause = e.getCause();
            }
            assertThat(cause).isInstanceOf(IllegalStateException.class).hasMessageStartingWith(
                    "cannot read the task function in JVM " + ProcessHandle.current().pid()
                            + ": class plugin.Shout is not found there. A member in another JVM");
        } finally {
            member.shutdown();
        }
    }
}
