package io.procmux.nativesupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The int-indexed registration table. */
class FdTableTest {

    @Test
    void growsToLargeDescriptorsAndTracksTheHighest() {
        FdTable table = new FdTable();
        table.add(3, 1, "three");
        table.add(70_000, 4, "big");
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.highest()).isEqualTo(70_000);
        assertThat(table.contains(70_000)).isTrue();
        assertThat(table.contains(69_999)).isFalse();
        assertThat(table.contains(-1)).isFalse();
        assertThat(table.contains(1 << 30)).isFalse();
        assertThat(table.attachment(70_000)).isEqualTo("big");
        table.remove(70_000);
        assertThat(table.highest()).isEqualTo(3);
        assertThat(table.attachment(70_000)).isNull();
        table.remove(3);
        assertThat(table.highest()).isEqualTo(-1);
        assertThat(table.size()).isZero();
    }

    @Test
    void everyRegistrationGetsANewNonZeroSerial() {
        FdTable table = new FdTable();
        table.add(5, 1, null);
        int first = table.serial(5);
        table.setInterest(5, 4);
        assertThat(table.serial(5)).isEqualTo(first);
        assertThat(table.interest(5)).isEqualTo(4);
        table.remove(5);
        assertThat(table.serial(5)).isZero();
        table.add(5, 1, null);
        assertThat(table.serial(5)).isNotZero().isNotEqualTo(first);
    }
}
