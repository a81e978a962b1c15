package io.procmux.ipc.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.kenai.jffi.MemoryIO;
import io.procmux.ipc.UnixConnection;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Buffer addresses read from the field agree with jffi's JNI look-up for every kind of direct
 * buffer, and a read-only destination is refused before a byte leaves the socket.
 */
@EnabledOnOs(OS.LINUX)
class IoBuffersTest {
    private static final JnrUnixSocketsProvider PROVIDER = new JnrUnixSocketsProvider();

    @BeforeAll
    static void available() {
        assumeTrue(PROVIDER.isAvailable(), () -> "unix backend unavailable: " + PROVIDER.unavailabilityCause());
    }

    @Test
    void theAddressIsTheBufferBasePlusItsPosition() {
        assertThat(IoBuffers.readsField()).as("the address field is read on this JDK, not looked up by JNI").isTrue();
        ByteBuffer whole = ByteBuffer.allocateDirect(4096);
        ByteBuffer slice = whole.position(100).slice();
        ByteBuffer duplicate = whole.duplicate().position(7);
        ByteBuffer readOnly = whole.asReadOnlyBuffer().position(3);
        for (ByteBuffer b : new ByteBuffer[] {whole.position(0), whole.duplicate().position(4095), slice, duplicate,
                readOnly}) {
            assertThat(IoBuffers.address(b)).as(b.toString())
                    .isEqualTo(MemoryIO.getInstance().getDirectBufferAddress(b) + b.position());
        }
        assertThat(IoBuffers.address(slice)).isEqualTo(IoBuffers.address(whole.position(100)));
    }

    @Test
    void aReadOnlyDestinationIsRefusedAndTheBytesStayInTheSocket() throws Exception {
        UnixConnection[] pair = PROVIDER.open().socketPair();
        try {
            pair[0].write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            for (ByteBuffer readOnly : new ByteBuffer[] {ByteBuffer.allocateDirect(8).asReadOnlyBuffer(),
                    ByteBuffer.allocate(8).asReadOnlyBuffer()}) {
                assertThatThrownBy(() -> pair[1].read(readOnly)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("Cannot receive into a read-only buffer");
                assertThatThrownBy(() -> pair[1].receiveWithFds(readOnly))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("Cannot receive into a read-only buffer");
            }
            ByteBuffer dst = ByteBuffer.allocateDirect(8);
            assertThat(pair[1].read(dst)).isEqualTo(3);
            assertThat(dst.flip().get(2)).isEqualTo((byte) 3);
        } finally {
            pair[0].close();
            pair[1].close();
        }
    }
}
