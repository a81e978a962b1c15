package io.procmux.mux;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.Channel;
import java.nio.channels.FileChannel;
import org.jspecify.annotations.Nullable;

/**
 * Finds the raw descriptor number behind the objects Java programs hold, so that a
 * {@link Multiplexer} can watch them: procmux's own {@link HasFileDescriptor}s,
 * {@link FileDescriptor}, {@link FileInputStream}, {@link FileOutputStream},
 * {@link RandomAccessFile}, and the JDK's NIO channels ({@code SocketChannel} of either family,
 * {@code ServerSocketChannel}, {@code DatagramChannel}, {@code Pipe} channels, {@code FileChannel}).
 *
 * <p>The JDK hides these numbers, so this reads them by reflection: {@code FileDescriptor.fd}
 * needs {@code --add-opens java.base/java.io=ALL-UNNAMED} and the channels' {@code getFDVal()}
 * needs {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}; without them the call fails with a
 * message naming the flag. The procmux launcher and the build's test runners pass both.
 *
 * <p>Cost: one reflective call (and, for a small fd, no allocation) per lookup; the reflective
 * handles are resolved once, on first use. Meant for registration time, not for every event.
 * The number is valid only while the source stays open; closing it frees the number for reuse.
 */
public final class FileDescriptors {
    private static final String OPEN_JAVA_IO = "--add-opens java.base/java.io=ALL-UNNAMED";
    private static final String OPEN_SUN_NIO_CH = "--add-opens java.base/sun.nio.ch=ALL-UNNAMED";

    private FileDescriptors() {
    }

    /**
     * The descriptor number behind {@code source}.
     *
     * @throws IllegalArgumentException when {@code source} is of a type that has no descriptor
     *     (naming its class), or is closed
     * @throws IllegalStateException when the JVM refuses the reflective access (naming the
     *     {@code --add-opens} flag to add)
     */
    public static int fdOf(@Nullable Object source) {
        if (source == null) {
            throw new IllegalArgumentException("No file descriptor in null");
        }
        int fd;
        if (source instanceof HasFileDescriptor has) {
            fd = has.fd();
        } else if (source instanceof FileDescriptor descriptor) {
            fd = JavaIo.fd(descriptor);
        } else if (source instanceof FileInputStream in) {
            fd = JavaIo.fd(descriptorOf(in));
        } else if (source instanceof FileOutputStream out) {
            fd = JavaIo.fd(descriptorOf(out));
        } else if (source instanceof RandomAccessFile file) {
            fd = JavaIo.fd(descriptorOf(file));
        } else if (source instanceof Channel channel) {
            fd = channelFd(channel);
        } else if (source instanceof Integer) {
            throw new IllegalArgumentException("An Integer is a descriptor number, not an object that holds one;"
                    + " register the number itself with Multiplexer.register(int, int, Object)");
        } else {
            throw unsupported(source);
        }
        if (fd < 0) {
            throw new IllegalArgumentException("No file descriptor in " + source.getClass().getName() + ": it is closed");
        }
        return fd;
    }

    private static int channelFd(Channel channel) {
        if (!channel.isOpen()) {
            throw new IllegalArgumentException("No file descriptor in " + channel.getClass().getName() + ": it is closed");
        }
        if (SunNioCh.SEL_CH_IMPL != null && SunNioCh.SEL_CH_IMPL.isInstance(channel)) {
            return SunNioCh.fdVal(channel);
        }
        if (channel instanceof FileChannel && channel.getClass().getName().equals("sun.nio.ch.FileChannelImpl")) {
            return JavaIo.fd(SunNioCh.fileChannelDescriptor(channel));
        }
        throw unsupported(channel);
    }

    private static IllegalArgumentException unsupported(Object source) {
        return new IllegalArgumentException("No file descriptor in a " + source.getClass().getName()
                + "; supported: HasFileDescriptor, FileDescriptor, FileInputStream, FileOutputStream,"
                + " RandomAccessFile and the JDK's socket, server socket, datagram, pipe and file channels");
    }

    private static FileDescriptor descriptorOf(FileInputStream in) {
        try {
            return in.getFD();
        } catch (IOException e) {
            throw new IllegalArgumentException("No file descriptor in " + in.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    private static FileDescriptor descriptorOf(FileOutputStream out) {
        try {
            return out.getFD();
        } catch (IOException e) {
            throw new IllegalArgumentException("No file descriptor in " + out.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    private static FileDescriptor descriptorOf(RandomAccessFile file) {
        try {
            return file.getFD();
        } catch (IOException e) {
            throw new IllegalArgumentException("No file descriptor in " + file.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    static IllegalStateException refused(String what, String flag, RuntimeException cause) {
        return new IllegalStateException("Cannot read the descriptor number of " + what
                + ": the JVM refuses the access; start java with " + flag, cause);
    }

    /** {@code java.io.FileDescriptor.fd}, opened on first use. */
    private static final class JavaIo {
        private static final @Nullable Field FD;
        private static final @Nullable RuntimeException FAILURE;

        static {
            Field field = null;
            RuntimeException failure = null;
            try {
                field = FileDescriptor.class.getDeclaredField("fd");
                field.setAccessible(true);
            } catch (NoSuchFieldException e) {
                failure = new IllegalStateException("This JDK has no field java.io.FileDescriptor.fd", e);
            } catch (InaccessibleObjectException | SecurityException e) {
                failure = refused("a java.io.FileDescriptor", OPEN_JAVA_IO, e);
            }
            FD = failure == null ? field : null;
            FAILURE = failure;
        }

        static int fd(FileDescriptor descriptor) {
            Field field = FD;
            if (field == null) {
                throw new IllegalStateException(FAILURE.getMessage(), FAILURE);
            }
            try {
                return field.getInt(descriptor);
            } catch (IllegalAccessException e) {
                throw refused("a java.io.FileDescriptor", OPEN_JAVA_IO, new IllegalStateException(e));
            }
        }
    }

    /** {@code sun.nio.ch.SelChImpl.getFDVal()} and {@code FileChannelImpl.fd}, opened on first use. */
    private static final class SunNioCh {
        static final @Nullable Class<?> SEL_CH_IMPL;
        private static final @Nullable Method GET_FD_VAL;
        private static final @Nullable Field FILE_CHANNEL_FD;
        private static final @Nullable RuntimeException FAILURE;

        static {
            Class<?> selChImpl = null;
            Method getFdVal = null;
            Field fileChannelFd = null;
            RuntimeException failure = null;
            try {
                selChImpl = Class.forName("sun.nio.ch.SelChImpl");
                getFdVal = selChImpl.getMethod("getFDVal");
                fileChannelFd = Class.forName("sun.nio.ch.FileChannelImpl").getDeclaredField("fd");
                getFdVal.setAccessible(true);
                fileChannelFd.setAccessible(true);
            } catch (ClassNotFoundException | NoSuchMethodException | NoSuchFieldException e) {
                failure = new IllegalStateException("This JDK's NIO channels do not expose sun.nio.ch.SelChImpl.getFDVal"
                        + " or FileChannelImpl.fd: " + e, e);
            } catch (InaccessibleObjectException | SecurityException e) {
                failure = refused("a JDK NIO channel", OPEN_SUN_NIO_CH, e);
            }
            SEL_CH_IMPL = selChImpl;
            GET_FD_VAL = failure == null ? getFdVal : null;
            FILE_CHANNEL_FD = failure == null ? fileChannelFd : null;
            FAILURE = failure;
        }

        private static void check() {
            if (FAILURE != null) {
                throw new IllegalStateException(FAILURE.getMessage(), FAILURE);
            }
        }

        static int fdVal(Object channel) {
            check();
            try {
                return (Integer) GET_FD_VAL.invoke(channel);
            } catch (IllegalAccessException e) {
                throw refused(channel.getClass().getName(), OPEN_SUN_NIO_CH, new IllegalStateException(e));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("getFDVal failed on " + channel.getClass().getName(), e.getCause());
            }
        }

        static FileDescriptor fileChannelDescriptor(Object channel) {
            check();
            try {
                return (FileDescriptor) FILE_CHANNEL_FD.get(channel);
            } catch (IllegalAccessException e) {
                throw refused(channel.getClass().getName(), OPEN_SUN_NIO_CH, new IllegalStateException(e));
            }
        }
    }
}
