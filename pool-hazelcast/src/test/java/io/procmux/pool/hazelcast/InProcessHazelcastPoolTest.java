package io.procmux.pool.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.procmux.pool.Pool;
import io.procmux.pool.PoolOptions;
import io.procmux.testkit.AbstractPoolTest;
import org.junit.jupiter.api.Test;

/** The pool conformance suite on one embedded member running tasks in its own JVM. */
class InProcessHazelcastPoolTest extends AbstractPoolTest {

    @Override
    public PoolOptions.Builder options() {
        return PoolOptions.builder().processes(2);
    }

    @Override
    public Pool newPool(PoolOptions.Builder options) {
        return new HazelcastPoolProvider().create(options.build(), HazelcastPoolOptions.builder().build());
    }

    @Override
    public String callbackThreadName(Pool pool) {
        return ((HazelcastPool) pool).callbackThreadName();
    }

    @Override
    public int imapWindow(Pool pool) {
        return ((HazelcastPool) pool).imapWindow();
    }

    @Test
    void theClusterIsOneLoopbackMemberOfThisJvmWithAnExplicitName() {
        ClusterPool pool = (ClusterPool) pool();
        assertThat(pool.clusterName()).startsWith("procmux-");
        assertThat(pool.members()).singleElement().asString().startsWith("127.0.0.1:")
                .endsWith(" pid " + ProcessHandle.current().pid());
    }
}
