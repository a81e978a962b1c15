package io.procmux.cli.parallel;

/** How jobs' output reaches procmux's stdout and stderr. */
public enum OutputMode {
    /** Default: a job's stdout, then its stderr, printed whole when it finishes; never interleaved. */
    GROUP,
    /** {@code --line-buffer}: whole lines as they arrive; lines of different jobs never mix. */
    LINE,
    /** {@code --ungroup}: jobs write straight to procmux's stdout and stderr (no pipes, fastest). */
    UNGROUP
}
