package io.procmux.mux;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a multiplexer backend supports, reported by its provider without opening anything.
 *
 * @param maxFd the largest descriptor it accepts, or -1 for no fixed limit (select: 1023)
 * @param edgeTriggered whether {@link Events#EDGE_TRIGGERED} is supported
 * @param oneShot whether {@link Events#ONE_SHOT} is supported
 * @param exclusive whether {@link Events#EXCLUSIVE} is supported
 * @param nanosecondTimeouts whether waits are timed below a millisecond
 */
public record MuxCapabilities(int maxFd, boolean edgeTriggered, boolean oneShot, boolean exclusive,
        boolean nanosecondTimeouts) {

    /** The capabilities as {@code key=value} facts, for {@code procmux backends}. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("maxFd", maxFd < 0 ? "unlimited" : Integer.toString(maxFd));
        map.put("edgeTriggered", Boolean.toString(edgeTriggered));
        map.put("oneShot", Boolean.toString(oneShot));
        map.put("exclusive", Boolean.toString(exclusive));
        map.put("nanosecondTimeouts", Boolean.toString(nanosecondTimeouts));
        return map;
    }
}
