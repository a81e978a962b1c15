package io.procmux.bench.mux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsEveryKindOfValue() {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, \"x\\\"y\\u00e9\\n\"], \"b\": {}, \"c\": [], "
                + "\"t\": true, \"f\": false, \"n\": null} ");
        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map.keySet()).containsExactly("a", "b", "c", "t", "f", "n");
        assertThat(map.get("a")).isEqualTo(List.of(1.0, -2500.0, "x\"yé\n"));
        assertThat(map.get("b")).isEqualTo(Map.of());
        assertThat(map.get("c")).isEqualTo(List.of());
        assertThat(map.get("t")).isEqualTo(true);
        assertThat(map.get("f")).isEqualTo(false);
        assertThat(map.get("n")).isSameAs(Json.NULL);
    }

    @Test
    void namesTheOffsetOfMalformedInput() {
        assertThatThrownBy(() -> Json.parse("[1, 2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Malformed JSON at offset 5: expected ']', found the end");
        assertThatThrownBy(() -> Json.parse("{\"a\" 1}"))
                .hasMessage("Malformed JSON at offset 5: expected ':', found '1'");
        assertThatThrownBy(() -> Json.parse("{a: 1}")).hasMessageContaining("expected a quoted member name");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("expected end of input");
        assertThatThrownBy(() -> Json.parse("\"\\q\"")).hasMessageContaining("expected a valid escape");
        assertThatThrownBy(() -> Json.parse("\"abc")).hasMessageContaining("expected a closing quote");
        assertThatThrownBy(() -> Json.parse("1.2.3")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> Json.parse("tru")).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("expected a value");
    }
}
