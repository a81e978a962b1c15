package io.procmux.cli.parallel;

import java.util.List;

/**
 * POSIX shell quoting: a word made only of safe characters stays as it is, anything else is put in
 * single quotes ({@code '} written as {@code '\''}). Used for {@code --shell} substitutions and to
 * print commands ({@code --dry-run}, the joblog) so they can be pasted into a shell.
 * Cost: one pass per word.
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** One word, quoted if needed; the empty word is {@code ''}. */
    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        boolean safe = true;
        for (int i = 0; i < word.length() && safe; i++) {
            char c = word.charAt(i);
            safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_@%+=:,./-".indexOf(c) >= 0;
        }
        return safe ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** Words quoted and joined with spaces. */
    public static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(w));
        }
        return sb.toString();
    }
}
