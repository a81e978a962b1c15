package io.procmux.cli.parallel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The inputs of every job: each source read completely (files, and stdin unless it is streamed by
 * {@link StreamedInputs}, before anything runs, so bad input is reported first and the job count is
 * known), then combined as a cross product in
 * GNU parallel's order: the first source varies slowest ({@code ::: a b ::: 1 2} gives
 * {@code a 1}, {@code a 2}, {@code b 1}, {@code b 2}).
 *
 * <p>Cost: every input is held in memory once; iteration allocates one small list per job.
 */
public final class JobInputs implements Iterable<List<String>> {
    private final List<List<String>> sources;

    /** Inputs from already-read sources (one list of values per source). */
    public JobInputs(List<List<String>> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * Reads every source; stdin when there is none.
     *
     * @throws ParallelUsageException for a missing file, stdin named twice, or a NUL in line mode
     */
    public static JobInputs read(List<SourceArgs.Source> given, boolean nul, InputStream stdin) throws IOException {
        List<SourceArgs.Source> all = given.isEmpty() ? List.of(new SourceArgs.FileSource(Path.of("-"))) : given;
        List<List<String>> read = new ArrayList<>();
        boolean stdinUsed = false;
        for (SourceArgs.Source s : all) {
            if (s instanceof SourceArgs.Values v) {
                read.add(v.values());
            } else {
                Path file = ((SourceArgs.FileSource) s).file();
                if (file.toString().equals("-")) {
                    if (stdinUsed) {
                        throw new ParallelUsageException("stdin ('-') can be an input source only once");
                    }
                    stdinUsed = true;
                    read.add(InputSplitter.split(stdin.readAllBytes(), nul, "stdin"));
                } else {
                    read.add(InputSplitter.split(readFile(file), nul, "input file " + file));
                }
            }
        }
        return new JobInputs(read);
    }

    private static byte[] readFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ParallelUsageException("input file " + file + " is a directory");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ParallelUsageException("input file " + file + " does not exist");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ParallelUsageException("input file " + file + " cannot be read: permission denied");
        }
    }

    /** How many sources there are. */
    public int sourceCount() {
        return sources.size();
    }

    /** How many jobs the cross product makes (capped at {@link Long#MAX_VALUE}). */
    public long jobCount() {
        long n = 1;
        for (List<String> s : sources) {
            if (s.isEmpty()) {
                return 0;
            }
            n = s.size() > Long.MAX_VALUE / n ? Long.MAX_VALUE : n * s.size();
        }
        return n;
    }

    /** The inputs as a run consumes them: all ready, total known. */
    InputFeed feed() {
        Iterator<List<String>> it = iterator();
        long total = jobCount();
        return new InputFeed() {
            @Override
            public boolean hasReady() {
                return it.hasNext();
            }

            @Override
            public boolean exhausted() {
                return !it.hasNext();
            }

            @Override
            public List<String> next() {
                return it.next();
            }

            @Override
            public long total() {
                return total;
            }
        };
    }

    /** The cross product, first source slowest; each element holds one value per source. */
    @Override
    public Iterator<List<String>> iterator() {
        return new Iterator<>() {
            private final int[] index = new int[sources.size()];
            private boolean done = jobCount() == 0;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<String> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                String[] values = new String[index.length];
                for (int i = 0; i < index.length; i++) {
                    values[i] = sources.get(i).get(index[i]);
                }
                int i = index.length - 1;
                while (i >= 0) {
                    if (++index[i] < sources.get(i).size()) {
                        break;
                    }
                    index[i] = 0;
                    i--;
                }
                done = i < 0;
                return List.of(values);
            }
        };
    }
}
