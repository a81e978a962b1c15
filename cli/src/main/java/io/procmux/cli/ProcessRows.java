package io.procmux.cli;

import io.procmux.proc.ProcessInfo;
import io.procmux.proc.ProcessState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders process-table snapshots as {@code ps}-style text and as JSON-ready maps. */
final class ProcessRows {
    private ProcessRows() {
    }

    /** {@code ps -eo pid,ppid,stat,ni,rss,cmd} style: RSS in KiB, unknown fields as {@code -}. */
    static String table(List<ProcessInfo> processes) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%7s %7s %-4s %3s %9s %s%n", "PID", "PPID", "STAT", "NI", "RSS", "CMD"));
        for (ProcessInfo p : processes) {
            out.append(String.format("%7d %7s %-4s %3s %9s %s%n", p.pid(),
                    p.ppid().isPresent() ? Long.toString(p.ppid().getAsLong()) : "-",
                    p.state().map(s -> String.valueOf(s.code())).orElse("-"),
                    p.nice().isPresent() ? Integer.toString(p.nice().getAsInt()) : "-",
                    p.rssBytes().isPresent() ? Long.toString(p.rssBytes().getAsLong() / 1024) : "-",
                    p.commandLine()));
        }
        return out.toString();
    }

    /** Every field, absent ones as null. */
    static List<Object> json(List<ProcessInfo> processes) {
        List<Object> rows = new ArrayList<>();
        for (ProcessInfo p : processes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pid", p.pid());
            row.put("ppid", p.ppid().isPresent() ? p.ppid().getAsLong() : null);
            row.put("state", p.state().map(ProcessState::code).map(String::valueOf).orElse(null));
            row.put("nice", p.nice().isPresent() ? p.nice().getAsInt() : null);
            row.put("priority", p.priority().isPresent() ? p.priority().getAsInt() : null);
            row.put("user", p.user().orElse(null));
            row.put("threads", p.threads().isPresent() ? p.threads().getAsInt() : null);
            row.put("rssBytes", p.rssBytes().isPresent() ? p.rssBytes().getAsLong() : null);
            row.put("startTime", p.startTime().map(Object::toString).orElse(null));
            row.put("name", p.name().orElse(null));
            row.put("command", p.command());
            rows.add(row);
        }
        return rows;
    }
}
