package io.procmux.codec.struct;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Absolute reads and writes of 1, 2, 4 and 8 byte values in one byte order, over a byte array or
 * a {@link ByteBuffer} (heap or direct; the buffer's own position and order are ignored). Four
 * stateless singletons, so the pack and unpack loops are written once and allocate nothing.
 *
 * @param <B> byte[] or ByteBuffer
 */
abstract class Io<B> {

    abstract void put8(B b, int i, int v);

    abstract void put16(B b, int i, short v);

    abstract void put32(B b, int i, int v);

    abstract void put64(B b, int i, long v);

    abstract byte get8(B b, int i);

    abstract short get16(B b, int i);

    abstract int get32(B b, int i);

    abstract long get64(B b, int i);

    abstract void putBytes(B b, int i, byte[] src, int length);

    abstract byte[] getBytes(B b, int i, int length);

    abstract void zero(B b, int i, int length);

    static Io<byte[]> array(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? ArrayLE.INSTANCE : ArrayBE.INSTANCE;
    }

    static Io<ByteBuffer> buffer(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? BufferLE.INSTANCE : BufferBE.INSTANCE;
    }

    private abstract static class OnArray extends Io<byte[]> {
        @Override
        final void put8(byte[] b, int i, int v) {
            b[i] = (byte) v;
        }

        @Override
        final byte get8(byte[] b, int i) {
            return b[i];
        }

        @Override
        final void putBytes(byte[] b, int i, byte[] src, int length) {
            System.arraycopy(src, 0, b, i, length);
        }

        @Override
        final byte[] getBytes(byte[] b, int i, int length) {
            return Arrays.copyOfRange(b, i, i + length);
        }

        @Override
        final void zero(byte[] b, int i, int length) {
            Arrays.fill(b, i, i + length, (byte) 0);
        }
    }

    private abstract static class OnBuffer extends Io<ByteBuffer> {
        @Override
        final void put8(ByteBuffer b, int i, int v) {
            b.put(i, (byte) v);
        }

        @Override
        final byte get8(ByteBuffer b, int i) {
            return b.get(i);
        }

        @Override
        final void putBytes(ByteBuffer b, int i, byte[] src, int length) {
            b.put(i, src, 0, length);
        }

        @Override
        final byte[] getBytes(ByteBuffer b, int i, int length) {
            byte[] out = new byte[length];
            b.get(i, out, 0, length);
            return out;
        }

        @Override
        final void zero(ByteBuffer b, int i, int length) {
            int end = i + length;
            for (; i + 8 <= end; i += 8) {
                put64(b, i, 0L);
            }
            for (; i < end; i++) {
                b.put(i, (byte) 0);
            }
        }
    }

    private static final class ArrayLE extends OnArray {
        static final ArrayLE INSTANCE = new ArrayLE();
        private static final VarHandle S = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle I = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle L = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        @Override void put16(byte[] b, int i, short v) { S.set(b, i, v); }
        @Override void put32(byte[] b, int i, int v) { I.set(b, i, v); }
        @Override void put64(byte[] b, int i, long v) { L.set(b, i, v); }
        @Override short get16(byte[] b, int i) { return (short) S.get(b, i); }
        @Override int get32(byte[] b, int i) { return (int) I.get(b, i); }
        @Override long get64(byte[] b, int i) { return (long) L.get(b, i); }
    }

    private static final class ArrayBE extends OnArray {
        static final ArrayBE INSTANCE = new ArrayBE();
        private static final VarHandle S = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle I = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle L = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        @Override void put16(byte[] b, int i, short v) { S.set(b, i, v); }
        @Override void put32(byte[] b, int i, int v) { I.set(b, i, v); }
        @Override void put64(byte[] b, int i, long v) { L.set(b, i, v); }
        @Override short get16(byte[] b, int i) { return (short) S.get(b, i); }
        @Override int get32(byte[] b, int i) { return (int) I.get(b, i); }
        @Override long get64(byte[] b, int i) { return (long) L.get(b, i); }
    }

    private static final class BufferLE extends OnBuffer {
        static final BufferLE INSTANCE = new BufferLE();
        private static final VarHandle S = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle I = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle L = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        @Override void put16(ByteBuffer b, int i, short v) { S.set(b, i, v); }
        @Override void put32(ByteBuffer b, int i, int v) { I.set(b, i, v); }
        @Override void put64(ByteBuffer b, int i, long v) { L.set(b, i, v); }
        @Override short get16(ByteBuffer b, int i) { return (short) S.get(b, i); }
        @Override int get32(ByteBuffer b, int i) { return (int) I.get(b, i); }
        @Override long get64(ByteBuffer b, int i) { return (long) L.get(b, i); }
    }

    private static final class BufferBE extends OnBuffer {
        static final BufferBE INSTANCE = new BufferBE();
        private static final VarHandle S = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle I = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle L = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        @Override void put16(ByteBuffer b, int i, short v) { S.set(b, i, v); }
        @Override void put32(ByteBuffer b, int i, int v) { I.set(b, i, v); }
        @Override void put64(ByteBuffer b, int i, long v) { L.set(b, i, v); }
        @Override short get16(ByteBuffer b, int i) { return (short) S.get(b, i); }
        @Override int get32(ByteBuffer b, int i) { return (int) I.get(b, i); }
        @Override long get64(ByteBuffer b, int i) { return (long) L.get(b, i); }
    }
}
