package io.procmux.cli.parallel;

import java.util.ArrayList;
import java.util.List;

/**
 * A command with replacement strings, parsed once and expanded per job.
 *
 * <p>Without {@code --shell} the command runs as argv: each word is expanded on its own and the
 * values are inserted as they are, never re-split or interpreted ({@code --out={}.txt} stays one
 * argument; a word that is exactly {@code {}} becomes one argument per source when there are
 * several). With {@code --shell} the words are joined with spaces into a script for
 * {@code /bin/sh -c}, and every inserted value is shell-quoted. When the command holds no input
 * replacement string at all (as in GNU parallel, {@code {#}} or {@code {%}} alone counts), the inputs are appended:
 * one argument per source, or quoted words in shell mode.
 *
 * <p>Modifiers: {@code {.}} drops the extension of the last path component ({@code a/b.tar.gz} to
 * {@code a/b.tar}; a leading dot, as in {@code .bashrc}, is not an extension), {@code {/}} keeps
 * what follows the last slash, {@code {//}} what precedes it ({@code .} when there is no slash,
 * {@code /} for a file in the root).
 *
 * <p>Cost: parsing is one pass per word; expansion builds one list of strings per job.
 */
public final class Template {
    private final List<List<Object>> words;
    private final boolean shell;
    private final boolean usesInput;

    private Template(List<List<Object>> words, boolean shell, boolean usesInput) {
        this.words = words;
        this.shell = shell;
        this.usesInput = usesInput;
    }

    /**
     * Parses the command words.
     *
     * @param sources how many input sources there are (to check {@code {n}})
     * @throws ParallelUsageException for an empty command or an unknown replacement string
     */
    public static Template parse(List<String> command, int sources, boolean shell) {
        if (command.isEmpty() || command.stream().allMatch(String::isBlank)) {
            throw new ParallelUsageException("no command given; write e.g. 'procmux parallel gzip -9 ::: a.txt b.txt'");
        }
        List<List<Object>> words = new ArrayList<>();
        boolean usesInput = false;
        for (String word : command) {
            List<Object> parts = parseWord(word, sources);
            for (Object p : parts) {
                usesInput |= p instanceof Placeholder;
            }
            words.add(parts);
        }
        if (!shell) {
            List<Object> first = words.get(0);
            if (first.size() == 1 && first.get(0) instanceof String s && s.isEmpty()) {
                throw new ParallelUsageException("the command's program name is empty");
            }
        }
        return new Template(List.copyOf(words), shell, usesInput);
    }

    private static List<Object> parseWord(String word, int sources) {
        int perl = word.indexOf("{=");
        if (perl >= 0 && word.indexOf("=}", perl + 2) > 0) {
            throw new ParallelUsageException(word + ": Perl expressions {=...=} are not supported;"
                    + " use --shell and shell code instead");
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c == '{') {
                int close = word.indexOf('}', i + 1);
                if (close > 0) {
                    String inner = word.substring(i + 1, close);
                    if (inner.indexOf('{') < 0 && inner.chars().noneMatch(Character::isWhitespace)) {
                        Placeholder p = Placeholder.classify(inner, sources);
                        if (p != null) {
                            if (literal.length() > 0) {
                                parts.add(literal.toString());
                                literal.setLength(0);
                            }
                            parts.add(p);
                            i = close + 1;
                            continue;
                        }
                    }
                }
            }
            literal.append(c);
            i++;
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(literal.toString());
        }
        return parts;
    }

    /** Whether the command is run through {@code /bin/sh -c}. */
    public boolean shell() {
        return shell;
    }

    /**
     * The argv of one job.
     *
     * @param args one value per source
     * @param seq the job number, from 1
     * @param slot the slot number, from 1
     */
    public List<String> expand(List<String> args, long seq, int slot) {
        if (shell) {
            return List.of("/bin/sh", "-c", script(args, seq, slot));
        }
        List<String> argv = new ArrayList<>(words.size() + args.size());
        for (List<Object> parts : words) {
            if (parts.size() == 1 && parts.get(0) instanceof Placeholder p && p.kind() == Placeholder.Kind.INPUT
                    && args.size() > 1) {
                for (String a : args) {
                    argv.add(p.modifier().apply(a));
                }
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (Object part : parts) {
                sb.append(part instanceof Placeholder p ? p.value(args, seq, slot) : (String) part);
            }
            argv.add(sb.toString());
        }
        if (!usesInput) {
            argv.addAll(args);
        }
        return argv;
    }

    private String script(List<String> args, long seq, int slot) {
        StringBuilder sb = new StringBuilder();
        for (List<Object> parts : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            for (Object part : parts) {
                if (part instanceof Placeholder p) {
                    if (p.kind() == Placeholder.Kind.INPUT && args.size() > 1) {
                        List<String> each = new ArrayList<>();
                        args.forEach(a -> each.add(p.modifier().apply(a)));
                        sb.append(ShellQuote.join(each));
                    } else {
                        sb.append(ShellQuote.quote(p.value(args, seq, slot)));
                    }
                } else {
                    sb.append((String) part);
                }
            }
        }
        if (!usesInput) {
            for (String a : args) {
                sb.append(' ').append(ShellQuote.quote(a));
            }
        }
        return sb.toString();
    }

    /** The command of one job as a shell would read it: for {@code --dry-run} and the joblog. */
    public String display(List<String> argv) {
        return shell ? argv.get(2) : ShellQuote.join(argv);
    }

    /** The program when it holds no replacement string (so it can be checked before running), else null. */
    public @org.jspecify.annotations.Nullable String fixedProgram() {
        List<Object> first = words.get(0);
        return !shell && first.size() == 1 && first.get(0) instanceof String s ? s : null;
    }
}
