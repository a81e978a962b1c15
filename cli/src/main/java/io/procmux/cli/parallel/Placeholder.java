package io.procmux.cli.parallel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One replacement string of GNU parallel, recognised inside braces: {@code {}} the input,
 * {@code {.}} without extension, {@code {/}} basename, {@code {//}} dirname, {@code {/.}} basename
 * without extension, {@code {#}} job number, {@code {%}} slot number, and {@code {n}} (also
 * {@code {n.}}, {@code {n/}}, {@code {n//}}, {@code {n/.}}) for the n-th source, negative n
 * counting from the last. Cost: a small immutable object per occurrence in the command.
 *
 * @param kind what it stands for
 * @param source 1-based source number for {@link Kind#SOURCE}, else 0
 * @param modifier how the value is transformed
 */
public record Placeholder(Kind kind, int source, Modifier modifier) {

    /** What a placeholder stands for. */
    public enum Kind { INPUT, SOURCE, SEQ, SLOT }

    /** A transformation of an input value. */
    public enum Modifier {
        NONE(""), NO_EXTENSION("."), BASENAME("/"), DIRNAME("//"), BASENAME_NO_EXTENSION("/.");

        private final String text;

        Modifier(String text) {
            this.text = text;
        }

        static @Nullable Modifier of(String text) {
            for (Modifier m : values()) {
                if (m.text.equals(text)) {
                    return m;
                }
            }
            return null;
        }

        /** Applies this transformation (GNU parallel's rules; see the class comment of Template). */
        public String apply(String v) {
            return switch (this) {
                case NONE -> v;
                case NO_EXTENSION -> withoutExtension(v);
                case BASENAME -> basename(v);
                case DIRNAME -> dirname(v);
                case BASENAME_NO_EXTENSION -> withoutExtension(basename(v));
            };
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("(-?[0-9]+)(.*)");
    /** Inner texts made only of these characters look like a replacement string and must be known. */
    private static final Pattern LOOKS_LIKE_ONE = Pattern.compile("[0-9./#%+-]+");

    /**
     * Classifies the text between braces: a placeholder, null for literal text (such as awk's
     * {@code {print $1}} or jq's {@code {name}}), or an error for text that looks like a
     * replacement string but is none.
     *
     * @param sources how many input sources there are, to check {@code {n}}
     * @throws ParallelUsageException for an unknown replacement string or a source out of range
     */
    static @Nullable Placeholder classify(String inner, int sources) {
        if (inner.equals("#")) {
            return new Placeholder(Kind.SEQ, 0, Modifier.NONE);
        }
        if (inner.equals("%")) {
            return new Placeholder(Kind.SLOT, 0, Modifier.NONE);
        }
        Modifier m = Modifier.of(inner);
        if (m != null) {
            return new Placeholder(Kind.INPUT, 0, m);
        }
        if (inner.startsWith("=") && inner.endsWith("=") && inner.length() >= 2) {
            throw new ParallelUsageException("{" + inner + "}: Perl expressions {=...=} are not supported;"
                    + " use --shell and shell code instead");
        }
        if (!LOOKS_LIKE_ONE.matcher(inner).matches()) {
            return null;
        }
        Matcher n = NUMBERED.matcher(inner);
        if (n.matches()) {
            Modifier mod = Modifier.of(n.group(2));
            if (mod != null) {
                int k;
                try {
                    k = Integer.parseInt(n.group(1));
                } catch (NumberFormatException e) {
                    throw new ParallelUsageException("{" + inner + "}: source number out of range");
                }
                if (k == 0 || Math.abs((long) k) > sources) {
                    throw new ParallelUsageException("{" + inner + "}: there " + (sources == 1 ? "is 1 input source"
                            : "are " + sources + " input sources") + "; use {1} to {" + sources + "}"
                            + (sources > 1 ? " or {-1} for the last" : ""));
                }
                return new Placeholder(Kind.SOURCE, k > 0 ? k : sources + 1 + k, mod);
            }
        }
        throw new ParallelUsageException("unknown replacement string {" + inner + "}; known: {} {.} {/} {//} {/.}"
                + " {#} {%} {n} {n.} {n/} {n//} {n/.}");
    }

    /** The value for one job. */
    String value(List<String> args, long seq, int slot) {
        return switch (kind) {
            case SEQ -> Long.toString(seq);
            case SLOT -> Integer.toString(slot);
            case SOURCE -> modifier.apply(args.get(source - 1));
            case INPUT -> {
                if (args.size() == 1) {
                    yield modifier.apply(args.get(0));
                }
                StringBuilder sb = new StringBuilder();
                for (String a : args) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(modifier.apply(a));
                }
                yield sb.toString();
            }
        };
    }

    static String withoutExtension(String v) {
        int slash = v.lastIndexOf('/');
        int dot = v.lastIndexOf('.');
        return dot > slash + 1 && dot < v.length() - 1 ? v.substring(0, dot) : v;
    }

    static String basename(String v) {
        return v.substring(v.lastIndexOf('/') + 1);
    }

    static String dirname(String v) {
        int slash = v.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : v.substring(0, slash);
    }
}
