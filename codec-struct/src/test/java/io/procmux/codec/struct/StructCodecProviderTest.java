package io.procmux.codec.struct;

import static io.procmux.testkit.ProviderAssertions.assertDiscoveredOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.codec.Codec;
import io.procmux.spi.BackendKind;
import io.procmux.spi.Backends;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StructCodecProviderTest {

    record Point(int x, int y, double weight) {
    }

    record Named(String name) {
    }

    private final StructCodecProvider provider = assertDiscoveredOnce(BackendKind.CODEC, "struct", StructCodecProvider.class);

    @Test
    void isFoundOnceByServiceLoaderWithItsPriority() {
        assertThat(provider.priority()).isEqualTo(100);
        assertThat(provider.isNative()).isFalse();
        assertThat(provider.name()).isEqualTo("struct");
    }

    @Test
    void isAvailableWithoutAnyCause() {
        assertThat(provider.unavailabilityCause()).isEmpty();
        assertThat(provider.isAvailable()).isTrue();
        assertThat(Backends.discover(BackendKind.CODEC).wouldChoose()).get()
                .isInstanceOf(StructCodecProvider.class);
    }

    @Test
    void createsAnObjectArrayCodecForAFormat() {
        Codec<Object[]> codec = provider.create(Object[].class, "<iH");
        assertThat(codec.name()).isEqualTo("struct");
        byte[] bytes = codec.encode(new Object[] {-2, 513});
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("feffffff0102");
        assertThat(codec.decode(bytes)).containsExactly(-2L, 513L);
    }

    @Test
    void createsARecordCodecForAFormat() {
        Codec<Point> codec = provider.create(Point.class, ">hid");
        byte[] bytes = codec.encode(new Point(1, -1, 0.5));
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("0001" + "ffffffff" + "3fe0000000000000");
        assertThat(codec.decode(bytes)).isEqualTo(new Point(1, -1, 0.5));
    }

    @Test
    void refusesAMismatchedRecordOrTypeOrFormat() {
        assertThatThrownBy(() -> provider.create(Point.class, "<ii"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record Point has 3 components but format '<ii' has 2 values");
        assertThatThrownBy(() -> provider.create(Point.class, "<idd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("record Point component 1 'y' is int but format code 'd' at offset 2 of '<idd' needs one of [double]");
        assertThatThrownBy(() -> provider.create(Named.class, "5s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component 0 'name' is String");
        assertThatThrownBy(() -> provider.create(String.class, "<i"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the struct codec encodes Object[] or a record class, not java.lang.String");
        assertThatThrownBy(() -> provider.create(Object[].class, "<iz"))
                .isInstanceOf(StructException.class)
                .hasMessageStartingWith("bad char in struct format: 'z' at offset 2");
    }
}
