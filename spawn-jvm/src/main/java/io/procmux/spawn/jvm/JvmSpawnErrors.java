package io.procmux.spawn.jvm;

import io.procmux.spawn.SpawnException;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the {@link IOException} of {@link ProcessBuilder#start()} ({@code Cannot run program
 * "x": error=2, No such file or directory}) into a {@link SpawnException} with the POSIX error name.
 * Only error numbers that are the same on Linux and macOS are named; others keep the number.
 *
 * <p>Cost: one regular-expression match on failure; nothing on success.
 */
final class JvmSpawnErrors {
    private static final Pattern ERROR = Pattern.compile("error=(\\d+), (.*)");
    private static final Map<Integer, String> NAMES = Map.of(1, "EPERM", 2, "ENOENT", 7, "E2BIG", 8, "ENOEXEC",
            12, "ENOMEM", 13, "EACCES", 20, "ENOTDIR", 26, "ETXTBSY");

    private JvmSpawnErrors() {
    }

    /** The exception to throw for {@code e}, raised while starting {@code program}. */
    static IOException translate(String program, IOException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = ERROR.matcher(message);
        if (m.find()) {
            int number = Integer.parseInt(m.group(1));
            SpawnException s = new SpawnException(program, NAMES.getOrDefault(number, "errno " + number), m.group(2));
            s.initCause(e);
            return s;
        }
        if (e instanceof java.io.FileNotFoundException) {
            SpawnException s = new SpawnException(program, null, "cannot open a redirect file: " + message);
            s.initCause(e);
            return s;
        }
        return e;
    }
}
