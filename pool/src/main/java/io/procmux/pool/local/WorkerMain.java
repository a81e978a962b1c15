package io.procmux.pool.local;

import io.procmux.codec.Codec;
import io.procmux.pool.SerializableBiFunction;
import io.procmux.pool.SerializableFunction;
import io.procmux.pool.SerializableRunnable;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The main class of a worker JVM. Reads the one-time token from stdin, opens the control channel
 * (an inherited socket descriptor, {@code fd N}, or a Unix socket path, {@code path P}), says
 * hello, then runs frames strictly in order on the main thread: initializer, functions, tasks.
 * Each result is written before the next task starts, so when the worker dies the parent knows
 * that the first task without a result was running and the later ones never started.
 *
 * <p>Exits at once ({@link Runtime#halt}) on end of stream of the control channel or a
 * {@code STOP} frame, and a daemon watchdog halts it within 250 ms after the parent process dies
 * (the worker is re-parented). Threads: main and the watchdog. Cost per task: one decode of the
 * argument, one encode of the result; functions are decoded once per id and cached (LRU of
 * {@value #FUNCTION_CACHE} entries, mirrored by the parent).
 */
public final class WorkerMain {
    static final int FUNCTION_CACHE = 256;
    /** The system property naming the codec class (public, no-arg constructor); absent for Java serialization. */
    static final String CODEC_PROPERTY = "procmux.pool.codec";

    private final InputStream in;
    private final OutputStream out;
    private final Codec<Object> codec;
    /** The allow-list of the default codec, told the parent's class names; null with another codec. */
    private final @Nullable SerialFilter filter;
    private final Map<Long, Object> functions = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Object> eldest) {
            return size() > FUNCTION_CACHE;
        }
    };
    private ByteBuffer inBuf = Frames.buffer(64 * 1024);
    private ByteBuffer outBuf = Frames.buffer(64 * 1024);

    private WorkerMain(InputStream in, OutputStream out, @Nullable SerialFilter filter) throws ReflectiveOperationException {
        this.in = in;
        this.out = out;
        this.filter = filter;
        this.codec = codec(filter);
    }

    /**
     * Entry point: {@code WorkerMain fd N} or {@code WorkerMain path SOCKET [STREAMS]}.
     *
     * @param args the channel kind and its descriptor number or path, and in path mode the streams
     *     to send live through more connections ({@code err} or {@code out,err}, see {@link WorkerStreams})
     */
    public static void main(String[] args) throws Exception {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        startWatchdog(parent);
        String token = readToken(System.in);
        InputStream in;
        OutputStream out;
        if (args.length == 2 && args[0].equals("fd")) {
            FileDescriptor fd = descriptor(Integer.parseInt(args[1]));
            in = new FileInputStream(fd);
            out = new FileOutputStream(fd);
        } else if ((args.length == 2 || args.length == 3) && args[0].equals("path")) {
            SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(args[1]));
            if (args.length == 3) {
                WorkerStreams.connect(args[1], token, args[2]);
            }
            in = Channels.newInputStream(channel);
            out = Channels.newOutputStream(channel);
        } else {
            System.err.println("usage: WorkerMain fd N | path SOCKET [out,err] (started by a procmux pool)");
            Runtime.getRuntime().halt(2);
            return;
        }
        WorkerMain worker = new WorkerMain(in, out,
                System.getProperty(CODEC_PROPERTY) == null ? SerialFilter.forChild() : null);
        worker.hello(token);
        worker.loop();
    }

    /** Halts this JVM within 250 ms once its parent is no longer {@code parent} (it died; we were re-parented). */
    static void startWatchdog(long parent) {
        Thread t = new Thread(() -> {
            while (true) {
                long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                if (now != parent) {
                    Runtime.getRuntime().halt(3);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "procmux-worker-watchdog");
        t.setDaemon(true);
        t.start();
    }

    @SuppressWarnings("unchecked")
    private static Codec<Object> codec(@Nullable SerialFilter filter) throws ReflectiveOperationException {
        String name = System.getProperty(CODEC_PROPERTY);
        if (name == null || filter != null) {
            return new JavaSerialCodec(filter == null ? SerialFilter.forChild() : filter, null);
        }
        return (Codec<Object>) Class.forName(name).getConstructor().newInstance();
    }

    private static String readToken(InputStream stdin) throws IOException {
        StringBuilder token = new StringBuilder(64);
        for (int c = stdin.read(); c != '\n'; c = stdin.read()) {
            if (c < 0 || token.length() > 256) {
                System.err.println("procmux worker: no token on stdin");
                Runtime.getRuntime().halt(2);
            }
            token.append((char) c);
        }
        return token.toString();
    }

    private static FileDescriptor descriptor(int number) throws ReflectiveOperationException {
        FileDescriptor fd = new FileDescriptor();
        Field field = FileDescriptor.class.getDeclaredField("fd");
        field.setAccessible(true);
        field.setInt(fd, number);
        return fd;
    }

    private void hello(String token) throws IOException {
        byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
        append(Frames.HELLO, ProcessHandle.current().pid(), bytes);
        flush();
    }

    private void loop() throws IOException {
        while (true) {
            inBuf.flip();
            while (true) {
                int length = Frames.payloadLength(inBuf);
                if (length < 0 || inBuf.remaining() < Frames.HEADER_BYTES + length) {
                    break;
                }
                byte kind = Frames.kind(inBuf);
                long id = Frames.id(inBuf);
                int start = inBuf.position() + Frames.HEADER_BYTES;
                inBuf.position(start + length);
                handle(kind, id, inBuf.array(), start, length);
            }
            inBuf.compact();
            flush();
            int length = Frames.payloadLength(peek());
            if (length >= 0) {
                inBuf = Frames.grow(inBuf, Frames.HEADER_BYTES + length);
            } else if (!inBuf.hasRemaining()) {
                inBuf = Frames.grow(inBuf, 4096);
            }
            int n = in.read(inBuf.array(), inBuf.position(), inBuf.remaining());
            if (n < 0) {
                stop(0);
            }
            inBuf.position(inBuf.position() + n);
        }
    }

    private ByteBuffer peek() {
        ByteBuffer view = inBuf.duplicate().order(inBuf.order());
        view.flip();
        return view;
    }

    private void handle(byte kind, long id, byte[] data, int offset, int length) throws IOException {
        switch (kind) {
            case Frames.INIT -> init(data, offset, length);
            case Frames.FUNC -> functions.put(id, codec.decode(data, offset, length));
            case Frames.ALLOW -> {
                if (filter != null) {
                    filter.allow(ClassRegistry.decode(data, offset, length));
                }
            }
            case Frames.TASK -> {
                task(id, data, offset, length);
                flush();   // before the next task starts: a result the parent lacks means "never started"
            }
            case Frames.STOP -> {
                flush();
                stop(0);
            }
            default -> throw new IOException("unknown control frame kind " + kind);
        }
    }

    private void init(byte[] data, int offset, int length) throws IOException {
        try {
            if (length > 0) {
                ((SerializableRunnable) codec.decode(data, offset, length)).run();
            }
            append(Frames.INIT_OK, 0, new byte[0]);
        } catch (Throwable t) {
            append(Frames.INIT_ERR, 0, encodeFailure(t));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void task(long id, byte[] data, int offset, int length) throws IOException {
        ByteBuffer prefix = ByteBuffer.wrap(data, offset, Frames.TASK_PREFIX).order(inBuf.order());
        long fnId = prefix.getLong();
        byte mode = prefix.get();
        byte[] encoded;
        byte kind = Frames.RESULT;
        long started = System.nanoTime();
        try {
            Object fn = functions.get(fnId);
            if (fn == null) {
                throw new IllegalStateException("function " + fnId + " was never sent to this worker");
            }
            Object arg = codec.decode(data, offset + Frames.TASK_PREFIX, length - Frames.TASK_PREFIX);
            Object result;
            if (mode == Frames.MODE_APPLY) {
                result = ((SerializableFunction) fn).apply(arg);
            } else {
                Object[] items = (Object[]) arg;
                Object[] results = new Object[items.length];
                for (int i = 0; i < items.length; i++) {
                    if (mode == Frames.MODE_CHUNK) {
                        results[i] = ((SerializableFunction) fn).apply(items[i]);
                    } else {
                        Object[] pair = (Object[]) items[i];
                        results[i] = ((SerializableBiFunction) fn).apply(pair[0], pair[1]);
                    }
                }
                result = results;
            }
            encoded = encodeResult(result);
        } catch (Throwable t) {
            kind = Frames.ERROR;
            encoded = encodeFailure(t);
        }
        long elapsed = System.nanoTime() - started;
        outBuf = Frames.grow(outBuf, Frames.HEADER_BYTES + Frames.RESULT_PREFIX + encoded.length);
        Frames.putHeader(outBuf, kind, id, Frames.RESULT_PREFIX + encoded.length);
        outBuf.putLong(elapsed).put(encoded);
    }

    private byte[] encodeResult(Object result) {
        try {
            return codec.encode(result);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the task's result, a " + result.getClass().getName()
                    + ", cannot be sent back: " + e.getMessage(), e);
        }
    }

    /** The exception, or a {@link RemoteTaskException} copy when the parent would refuse one of its classes. */
    private byte[] encodeFailure(Throwable t) {
        try {
            if (codec instanceof JavaSerialCodec java) {
                byte[] admitted = java.encodeIfAdmitted(t);
                return admitted != null ? admitted : codec.encode(RemoteTaskException.copyOf(t));
            }
            return codec.encode(t);
        } catch (RuntimeException e) {
            return codec.encode(RemoteTaskException.copyOf(t));
        }
    }

    private void append(byte kind, long id, byte[] payload) throws IOException {
        outBuf = Frames.grow(outBuf, Frames.HEADER_BYTES + payload.length);
        Frames.putHeader(outBuf, kind, id, payload.length);
        outBuf.put(payload);
        if (outBuf.position() > 256 * 1024) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (outBuf.position() > 0) {
            try {
                out.write(outBuf.array(), 0, outBuf.position());
                out.flush();
            } catch (IOException e) {
                stop(0);
            }
            outBuf.clear();
        }
    }

    private static void stop(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
