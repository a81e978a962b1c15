package io.procmux.bench.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * The reference for {@code procmux serve}: the same single-threaded echo server on a JDK NIO
 * {@link Selector} (epoll on Linux). Same policy: one shared direct read buffer, the unwritten rest
 * queued per connection in a pooled direct buffer of 64 KiB, the client not read while that queue
 * is full. Prints {@code listening on HOST:PORT} on stderr and serves until killed.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.procmux.bench.serve.NioEchoServer HOST:PORT}.
 * Cost: one thread; per event the selector's bookkeeping (its selected-key set and iterator).
 */
public final class NioEchoServer {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final ArrayDeque<ByteBuffer> pool = new ArrayDeque<>();

    private NioEchoServer() {
    }

    /** Runs the server; see the class comment. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || args[0].lastIndexOf(':') < 0) {
            System.err.println("usage: NioEchoServer HOST:PORT");
            System.exit(2);
        }
        int colon = args[0].lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(args[0].substring(0, colon), Integer.parseInt(args[0].substring(colon + 1)));
        new NioEchoServer().serve(address);
    }

    /** Per connection: the queued output in write mode, or null. */
    private static final class Queue {
        @Nullable ByteBuffer pending;
    }

    private void serve(InetSocketAddress address) throws IOException {
        try (Selector selector = Selector.open(); ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(address, 4096);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            InetSocketAddress bound = (InetSocketAddress) listener.getLocalAddress();
            System.err.println("listening on " + bound.getAddress().getHostAddress() + ":" + bound.getPort());
            System.err.flush();
            while (true) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept(listener, selector);
                    } else {
                        serve(key);
                    }
                }
            }
        }
    }

    private static void accept(ServerSocketChannel listener, Selector selector) {
        for (int i = 0; i < 256; i++) {
            try {
                SocketChannel channel = listener.accept();
                if (channel == null) {
                    return;
                }
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.register(selector, SelectionKey.OP_READ, new Queue());
            } catch (IOException e) {
                System.err.println("accept: " + e.getMessage());
                return;
            }
        }
    }

    private void serve(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        Queue queue = (Queue) key.attachment();
        try {
            boolean inputClosed = false;
            if (key.isWritable() && queue.pending != null) {
                flush(channel, queue);
            }
            if (key.isReadable()) {
                ByteBuffer pending = queue.pending;
                if (pending == null) {
                    readBuffer.clear();
                    int read = channel.read(readBuffer);
                    inputClosed = read < 0;
                    if (read > 0) {
                        readBuffer.flip();
                        channel.write(readBuffer);
                        if (readBuffer.hasRemaining()) {
                            ByteBuffer rest = pool.isEmpty() ? ByteBuffer.allocateDirect(BUFFER_BYTES) : pool.pop();
                            rest.put(readBuffer);
                            queue.pending = rest;
                        }
                    }
                } else if (pending.hasRemaining()) {
                    inputClosed = channel.read(pending) < 0;
                    flush(channel, queue);
                }
            }
            if (inputClosed) {
                channel.close();
                return;
            }
            ByteBuffer pending = queue.pending;
            int ops = (pending == null || pending.hasRemaining() ? SelectionKey.OP_READ : 0)
                    | (pending != null ? SelectionKey.OP_WRITE : 0);
            if (key.interestOps() != ops) {
                key.interestOps(ops);
            }
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // dropping this client
            }
        }
    }

    private void flush(SocketChannel channel, Queue queue) throws IOException {
        ByteBuffer pending = queue.pending;
        pending.flip();
        channel.write(pending);
        pending.compact();
        if (pending.position() == 0) {
            queue.pending = null;
            pending.clear();
            pool.push(pending);
        }
    }
}
