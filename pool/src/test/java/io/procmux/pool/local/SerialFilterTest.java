package io.procmux.pool.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.pooltest.Gadget;
import com.example.pooltest.Point;
import io.procmux.codec.CodecException;
import io.procmux.pool.SerializableFunction;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool's default allow-list, without workers: what is refused, how it is named, and what listing admits. */
class SerialFilterTest {

    private static byte[] plainlySerialized(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    @Test
    void aGadgetOnTheClassPathIsRefusedBeforeItsReadObjectRuns() throws Exception {
        JavaSerialCodec codec = new JavaSerialCodec(SerialFilter.of(new HashSet<>(), null), null);
        byte[] bytes = plainlySerialized(new Gadget());
        int before = Gadget.READS.get();
        assertThatThrownBy(() -> codec.decode(bytes, 0, bytes.length)).isInstanceOf(CodecException.class)
                .hasMessageContaining("class com.example.pooltest.Gadget is not on the pool's allow-list")
                .hasMessageContaining("-Dprocmux.pool.serialFilter=com.example.pooltest.Gadget")
                .hasMessageContaining("com.example.pooltest.**");
        assertThat(Gadget.READS.get()).isEqualTo(before);
    }

    @Test
    void aGadgetInsideAnAllowedContainerIsRefusedToo() throws Exception {
        JavaSerialCodec codec = new JavaSerialCodec(SerialFilter.of(new HashSet<>(), null), null);
        byte[] bytes = plainlySerialized(new java.util.ArrayList<>(List.of("a", new Gadget())));
        int before = Gadget.READS.get();
        assertThatThrownBy(() -> codec.decode(bytes, 0, bytes.length)).hasMessageContaining("com.example.pooltest.Gadget");
        assertThat(Gadget.READS.get()).isEqualTo(before);
    }

    @Test
    void jdkCollectionsRoundTripIncludingTheLocksAConcurrentHashMapWrites() throws Exception {
        JavaSerialCodec codec = new JavaSerialCodec(SerialFilter.of(new HashSet<>(), null), null);
        var map = new java.util.concurrent.ConcurrentHashMap<String, List<Integer>>(java.util.Map.of("a", List.of(1, 2)));
        byte[] bytes = plainlySerialized(map);
        assertThat(codec.decode(bytes, 0, bytes.length)).isEqualTo(map);
    }

    @Test
    void aJdkClassOutsideTheValueTypesIsRefused() throws Exception {
        JavaSerialCodec codec = new JavaSerialCodec(SerialFilter.of(new HashSet<>(), null), null);
        byte[] bytes = plainlySerialized(URI.create("http://example.com/"));
        assertThatThrownBy(() -> codec.decode(bytes, 0, bytes.length)).hasMessageContaining("class java.net.URI");
    }

    @Test
    void whatTheParentEncodesIsListedAndThenAdmitted() throws Exception {
        ClassRegistry classes = new ClassRegistry();
        JavaSerialCodec parent = new JavaSerialCodec(SerialFilter.of(classes.names(), null), classes);
        byte[] bytes = parent.encode(new Point[] {new Point(1, 2)});
        assertThat(classes.names()).containsExactly("com.example.pooltest.Point");
        assertThat((Point[]) parent.decode(bytes, 0, bytes.length)).containsExactly(new Point(1, 2));
        SerialFilter child = SerialFilter.forChild();
        JavaSerialCodec worker = new JavaSerialCodec(child, null);
        assertThatThrownBy(() -> worker.decode(bytes, 0, bytes.length)).hasMessageContaining("com.example.pooltest.Point");
        byte[] frame = classes.encode(0, classes.size());
        child.allow(ClassRegistry.decode(frame, 0, frame.length));
        assertThat((Point[]) worker.decode(bytes, 0, bytes.length)).containsExactly(new Point(1, 2));
    }

    @Test
    void aLambdasDeclaredResultTypeIsListed() {
        ClassRegistry classes = new ClassRegistry();
        JavaSerialCodec parent = new JavaSerialCodec(SerialFilter.of(classes.names(), null), classes);
        SerializableFunction<Integer, Point> declared = Point::diagonal;
        parent.encode(declared);
        assertThat(classes.names()).contains("com.example.pooltest.Point");
        ClassRegistry wide = new ClassRegistry();
        SerializableFunction<Integer, Object> widened = Point::diagonalAsObject;
        new JavaSerialCodec(SerialFilter.of(wide.names(), null), wide).encode(widened);
        assertThat(wide.names()).doesNotContain("com.example.pooltest.Point");
    }

    @Test
    void aLambdaCapturedInAnApplicationClassResolvesWhereThatClassIsListed() {
        ClassRegistry classes = new ClassRegistry();
        JavaSerialCodec parent = new JavaSerialCodec(SerialFilter.of(classes.names(), null), classes);
        byte[] bytes = parent.encode(Point.shiftedBy(new Point(1, 1)));
        assertThat(classes.names()).contains("com.example.pooltest.Point");
        JavaSerialCodec unlisted = new JavaSerialCodec(SerialFilter.forChild(), null);
        assertThatThrownBy(() -> unlisted.decode(bytes, 0, bytes.length)).isInstanceOf(CodecException.class);
        @SuppressWarnings("unchecked")
        SerializableFunction<Integer, Point> back = (SerializableFunction<Integer, Point>) parent.decode(bytes, 0, bytes.length);
        assertThat(back.apply(2)).isEqualTo(new Point(3, 3));
    }

    @Test
    void theUsersPatternAdmitsMore() throws Exception {
        JavaSerialCodec codec = new JavaSerialCodec(SerialFilter.of(new HashSet<>(), "com.example.pooltest.Point"), null);
        byte[] bytes = plainlySerialized(new Point(3, 4));
        assertThat(codec.decode(bytes, 0, bytes.length)).isEqualTo(new Point(3, 4));
        assertThatThrownBy(() -> SerialFilter.of(new HashSet<>(), "maxdepth=x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad procmux.pool.serialFilter pattern 'maxdepth=x'");
    }

    @Test
    void resultTypesAreReadFromMethodDescriptors() {
        assertThat(JavaSerialCodec.resultType("(Ljava/lang/Integer;)Lcom/example/Point;")).isEqualTo("com.example.Point");
        assertThat(JavaSerialCodec.resultType("(I)[[Lcom/example/Point;")).isEqualTo("com.example.Point");
        assertThat(JavaSerialCodec.resultType("(I)I")).isNull();
        assertThat(JavaSerialCodec.resultType("(I)Ljava/lang/Object;")).isNull();
    }
}
