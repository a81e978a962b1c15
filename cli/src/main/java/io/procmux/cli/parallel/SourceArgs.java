package io.procmux.cli.parallel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The positional words of {@code procmux parallel}, split GNU parallel's way: the command words
 * up to the first {@code :::} or {@code ::::}, then input sources. {@code ::: A B C} is a source of
 * literal values, {@code :::: FILE...} one source per file (one input per line, or per NUL with
 * {@code --null}). Several sources combine as a cross product (see {@link JobInputs}).
 * Cost: one pass over the words.
 *
 * @param command the command words (may contain replacement strings)
 * @param sources the input sources in the order given
 */
public record SourceArgs(List<String> command, List<Source> sources) {

    /** Separator before literal values. */
    public static final String VALUES = ":::";
    /** Separator before input files. */
    public static final String FILES = "::::";

    /** One input source: literal values or a file to read. */
    public sealed interface Source permits Values, FileSource {
    }

    /**
     * Literal values given after {@code :::}.
     *
     * @param values the values, never re-split
     */
    public record Values(List<String> values) implements Source {
    }

    /**
     * A file given after {@code ::::} or with {@code --arg-file}; {@code -} is stdin.
     *
     * @param file the file
     */
    public record FileSource(Path file) implements Source {
    }

    /** Splits the positional words. @throws ParallelUsageException for an empty {@code :::} or {@code ::::} group */
    public static SourceArgs parse(List<String> words) {
        List<String> command = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        int i = 0;
        while (i < words.size() && !isSeparator(words.get(i))) {
            command.add(words.get(i++));
        }
        while (i < words.size()) {
            String sep = words.get(i++);
            List<String> group = new ArrayList<>();
            while (i < words.size() && !isSeparator(words.get(i))) {
                group.add(words.get(i++));
            }
            if (sep.equals(VALUES)) {
                if (group.isEmpty()) {
                    throw new ParallelUsageException("'" + VALUES + "' must be followed by at least one value");
                }
                sources.add(new Values(List.copyOf(group)));
            } else {
                if (group.isEmpty()) {
                    throw new ParallelUsageException("'" + FILES + "' must be followed by at least one file");
                }
                group.forEach(f -> sources.add(new FileSource(Path.of(f))));
            }
        }
        return new SourceArgs(List.copyOf(command), List.copyOf(sources));
    }

    private static boolean isSeparator(String word) {
        return word.equals(VALUES) || word.equals(FILES);
    }
}
