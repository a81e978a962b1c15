package io.procmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesScalarsListsAndMaps() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", Arrays.asList(true, null, "x"));
        map.put("c", Map.of());
        assertThat(Json.write(map)).isEqualTo("{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{}}");
        assertThat(Json.write(List.of())).isEqualTo("[]");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.write("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    }
}
