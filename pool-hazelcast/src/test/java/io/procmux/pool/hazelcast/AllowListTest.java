package io.procmux.pool.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procmux.pool.SerializableFunction;
import io.procmux.pool.WorkerDiedException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.collections4.functors.HarmlessTransformer;
import org.junit.jupiter.api.Test;

/** The deserialization allow-list on its own: what it admits, what it learns, what it always refuses, bad entries. */
class AllowListTest {
    private static final long PID = ProcessHandle.current().pid();

    /** A class of the caller's own, on no list. */
    record Point(int x, int y) implements Serializable {
    }

    /** Another one, nested in {@link Point}'s neighbour to test class entries with nested classes. */
    static final class Outer implements Serializable {
        private static final long serialVersionUID = 1L;

        static final class Inner implements Serializable {
            private static final long serialVersionUID = 1L;
        }
    }

    private static Object roundTrip(Object value, AllowList filter) {
        return Serial.decode(Serial.encode(value, "argument"), "argument", filter, null);
    }

    private static ClassRefusedException refusal(Object value, AllowList filter) {
        try {
            roundTrip(value, filter);
        } catch (ClassRefusedException e) {
            return e;
        }
        throw new AssertionError(value + " was not refused");
    }

    @Test
    void jdkValueTypesProcmuxExceptionsAndArraysPassWithNoEntries() {
        AllowList none = AllowList.of(List.of());
        Map<String, Object> map = new HashMap<>();
        map.put("list", List.of(1, 2L, 3.0, "s", 'c', true));
        map.put("mutable", new ArrayList<>(List.of(new BigDecimal("1.5"))));
        map.put("time", LocalDate.of(2026, 11, 27));
        map.put("enum", DayOfWeek.FRIDAY);
        map.put("arrays", new Object[] {new int[] {1}, new Integer[] {2}, new String[][] {{"x"}}});
        map.put("concurrent", new ConcurrentHashMap<>(Map.of("k", new java.util.concurrent.atomic.AtomicLong(4))));
        assertThat(roundTrip(map, none)).usingRecursiveComparison().isEqualTo(map);
        assertThat((Throwable) roundTrip(new IllegalStateException("boom"), none)).isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
        assertThat(roundTrip(new WorkerDiedException(42, "exit code 1", List.of("tail")), none)).isInstanceOf(WorkerDiedException.class);
    }

    @Test
    void aClassOnNoListIsRefusedNamingItAndBothWaysToAllowIt() throws Exception {
        ClassRefusedException e = refusal(new Point(1, 2), AllowList.of(List.of()));
        assertThat(e.className()).isEqualTo(Point.class.getName());
        assertThat(e).hasMessage("class " + Point.class.getName() + " in the argument was refused in JVM " + PID
                + ": it is not on the deserialization allow-list there. Allow it on every member and client with"
                + " HazelcastPoolOptions.builder().allow(\"" + Point.class.getName() + "\") or"
                + " -Dprocmux.hazelcast.serialFilter=" + Point.class.getName()
                + " (or its package: io.procmux.pool.hazelcast.**)");
        // JDK classes outside the value types too: URL is the classic DNS-lookup gadget
        assertThat(refusal(new URL("http://example.com/"), AllowList.of(List.of())).className()).isEqualTo("java.net.URL");
    }

    @Test
    void entriesAllowAClassWithItsNestedClassesAPackageOrSubpackagesOrAPrefix() {
        String outer = Outer.class.getName();
        assertThat(roundTrip(new Outer.Inner(), AllowList.of(List.of(outer)))).isInstanceOf(Outer.Inner.class);
        assertThat(refusal(new Point(0, 0), AllowList.of(List.of(outer))).className()).isEqualTo(Point.class.getName());
        assertThat(roundTrip(new Point(0, 0), AllowList.of(List.of("io.procmux.pool.hazelcast.*")))).isEqualTo(new Point(0, 0));
        assertThat(roundTrip(new Point(0, 0), AllowList.of(List.of("io.procmux.**")))).isEqualTo(new Point(0, 0));
        assertThat(roundTrip(new Point(0, 0), AllowList.of(List.of("io.procmux.")))).isEqualTo(new Point(0, 0));
        assertThat(roundTrip(new Point(0, 0), AllowList.of(List.of("io.procmux.pool.hazelcast.AllowListTest*"))))
                .isEqualTo(new Point(0, 0));
        // one package only, not its parent's
        assertThat(refusal(new Point(0, 0), AllowList.of(List.of("io.procmux.pool.*"))).className())
                .isEqualTo(Point.class.getName());
    }

    @Test
    void whatThisJvmSubmittedIsLearnedLambdasIncludedAndTravelsToWorkersAsASpec() {
        AllowList pool = AllowList.of(List.of());
        int offset = 3;
        SerializableFunction<Point, Point> shift = p -> new Point(p.x() + offset, p.y());
        byte[] fn = Serial.encode(shift, "task function", pool);
        byte[] arg = Serial.encode(new Point(1, 2), "argument", pool);
        @SuppressWarnings("unchecked")
        SerializableFunction<Point, Point> back = (SerializableFunction<Point, Point>) Serial.decode(fn, "task function", pool, null);
        assertThat(back.apply((Point) Serial.decode(arg, "argument", pool, null))).isEqualTo(new Point(4, 2));
        // the capturing class and the argument's class are what was learned; a worker rebuilds the same list
        assertThat(pool.spec().split(",")).containsExactlyInAnyOrder(AllowListTest.class.getName(), Point.class.getName());
        AllowList worker = AllowList.forSpec(pool.spec());
        assertThat(Serial.decode(arg, "argument", worker, null)).isEqualTo(new Point(1, 2));
        assertThat(AllowList.forSpec(pool.spec())).isSameAs(worker);
        // a fresh list learned nothing
        assertThat(refusal(new Point(1, 2), AllowList.of(List.of())).className()).isEqualTo(Point.class.getName());
    }

    @Test
    void knownGadgetsAndBlockEntriesAreRefusedWhateverAllowsOrTaughtThem() {
        AllowList wide = AllowList.of(List.of("org.apache.**"));
        Serial.encode(new HarmlessTransformer(), "argument", wide);
        ClassRefusedException e = refusal(new HarmlessTransformer(), wide);
        assertThat(e.className()).isEqualTo(HarmlessTransformer.class.getName());
        assertThat(e).hasMessage("class " + HarmlessTransformer.class.getName() + " in the argument was refused in JVM "
                + PID + ": it is a known deserialization gadget (block entry '!org.apache.commons.collections4.functors.**'),"
                + " which no allow entry overrides");
        AllowList blocking = AllowList.of(List.of("io.procmux.pool.hazelcast.**", "!" + Point.class.getName()));
        Serial.encode(new Point(1, 1), "argument", blocking);
        assertThat(refusal(new Point(1, 1), blocking)).hasMessageContaining("(block entry '!" + Point.class.getName() + "')");
        assertThat(roundTrip(new Outer(), blocking)).isInstanceOf(Outer.class);
    }

    @Test
    void graphsDeeperThanTheLimitAreRefused() throws Exception {
        Object[] deep = new Object[1];
        Object[] cur = deep;
        for (int i = 0; i < AllowList.MAX_DEPTH + 10; i++) {
            Object[] next = new Object[1];
            cur[0] = next;
            cur = next;
        }
        // writing and reading a thousand levels needs more stack than a test thread has
        java.util.concurrent.atomic.AtomicReference<ClassRefusedException> refused = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> refused.set(refusal(deep, AllowList.of(List.of()))), "deep", 256L << 20);
        t.start();
        t.join();
        ClassRefusedException e = refused.get();
        assertThat(e.className()).isEmpty();
        assertThat(e).hasMessage("the argument read in JVM " + PID + " is nested deeper than 1000 or holds more than"
                + " 10000000 references; it was refused");
    }

    @Test
    void badEntriesAreRefusedNamingThem() {
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().allow("*")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serial filter entry '*' would allow every class; name packages or classes instead"
                        + " (e.g. com.example.** or com.example.Task)");
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().allow("!**")).hasMessageStartingWith(
                "serial filter entry '!**' would block every class");
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().allow("com..example.*")).hasMessage(
                "serial filter entry 'com..example.*' has '.' at position 5; an entry is a class or package name,"
                        + " optionally ending in .*, .** or *, with ! in front to block it");
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().allow("com.ex ample")).hasMessageStartingWith(
                "serial filter entry 'com.ex ample' has ' ' at position 7");
        assertThatThrownBy(() -> HazelcastPoolOptions.builder().allow("!")).hasMessageStartingWith(
                "empty serial filter entry '!'");
        java.util.Properties p = new java.util.Properties();
        p.setProperty("procmux.hazelcast.serialFilter", "com.example.**, !*");
        assertThatThrownBy(() -> HazelcastPoolOptions.fromProperties(p)).hasMessageStartingWith(
                "Bad procmux.hazelcast.serialFilter 'com.example.**, !*': serial filter entry '!*' would block every class");
        p.setProperty("procmux.hazelcast.serialFilter", "com.example.**; com.other.Task ,!com.example.Bad");
        assertThat(HazelcastPoolOptions.fromProperties(p).serialFilter())
                .containsExactly("com.example.**", "com.other.Task", "!com.example.Bad");
    }
}
