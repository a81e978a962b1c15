package io.procmux.codec.struct;

import java.math.BigInteger;

/**
 * The operations a format code compiles to, as small int constants so the pack and unpack loops
 * switch on them cheaply; plus the code table that maps a code and a mode to an operation, an item
 * size and an alignment. Sizes are those of x86-64 Linux (LP64) in native mode.
 */
final class Ops {
    static final int PAD = 0;
    static final int CHAR = 1;
    static final int BOOL = 2;
    static final int S8 = 3;
    static final int U8 = 4;
    static final int S16 = 5;
    static final int U16 = 6;
    static final int S32 = 7;
    static final int U32 = 8;
    static final int S64 = 9;
    static final int U64 = 10;
    /** {@code P}: packs any value in [-2^63, 2^64-1], unpacks unsigned. */
    static final int PTR = 11;
    static final int HALF = 12;
    /** {@code f} in a standard mode: overflow raises. */
    static final int F32 = 13;
    /** {@code f} in native mode: overflow becomes an infinity, as a C cast does. */
    static final int F32_NATIVE = 14;
    static final int F64 = 15;
    static final int STR = 16;
    static final int PSTR = 17;

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private Ops() {
    }

    /**
     * Looks up a code: returns {@code op | size << 8 | alignment << 16}, or -1 when the code is
     * unknown in this mode ({@code n}, {@code N} and {@code P} exist only in native mode).
     */
    static int lookup(char code, Mode mode) {
        boolean nat = mode.nativeSizes;
        switch (code) {
            case 'x': return entry(PAD, 1, 1);
            case 'c': return entry(CHAR, 1, 1);
            case 'b': return entry(S8, 1, 1);
            case 'B': return entry(U8, 1, 1);
            case '?': return entry(BOOL, 1, 1);
            case 'h': return entry(S16, 2, 2);
            case 'H': return entry(U16, 2, 2);
            case 'i': return entry(S32, 4, 4);
            case 'I': return entry(U32, 4, 4);
            case 'l': return nat ? entry(S64, 8, 8) : entry(S32, 4, 4);
            case 'L': return nat ? entry(U64, 8, 8) : entry(U32, 4, 4);
            case 'q': return entry(S64, 8, 8);
            case 'Q': return entry(U64, 8, 8);
            case 'n': return nat ? entry(S64, 8, 8) : -1;
            case 'N': return nat ? entry(U64, 8, 8) : -1;
            case 'P': return nat ? entry(PTR, 8, 8) : -1;
            case 'e': return entry(HALF, 2, 2);
            case 'f': return nat ? entry(F32_NATIVE, 4, 4) : entry(F32, 4, 4);
            case 'd': return entry(F64, 8, 8);
            case 's': return entry(STR, 1, 1);
            case 'p': return entry(PSTR, 1, 1);
            default: return -1;
        }
    }

    private static int entry(int op, int size, int align) {
        return op | size << 8 | align << 16;
    }

    /** Whether the op is an integer code (including {@code P}). */
    static boolean isInteger(int op) {
        return op >= S8 && op <= PTR;
    }

    /** Whether the op is e, f or d. */
    static boolean isFloat(int op) {
        return op >= HALF && op <= F64;
    }

    /** The smallest value an integer op packs. */
    static long min(int op) {
        switch (op) {
            case S8: return Byte.MIN_VALUE;
            case S16: return Short.MIN_VALUE;
            case S32: return Integer.MIN_VALUE;
            case S64: case PTR: return Long.MIN_VALUE;
            default: return 0;
        }
    }

    /** The largest value an integer op packs; -1 stands for 2^64-1 (U64, PTR). */
    static long max(int op) {
        switch (op) {
            case S8: return Byte.MAX_VALUE;
            case U8: return 0xff;
            case S16: return Short.MAX_VALUE;
            case U16: return 0xffff;
            case S32: return Integer.MAX_VALUE;
            case U32: return 0xffff_ffffL;
            case S64: return Long.MAX_VALUE;
            default: return -1;
        }
    }

    /** The allowed range as CPython words it: {@code -32768 <= number <= 32767}. */
    static String range(int op) {
        long max = max(op);
        String hi = max == -1 ? TWO_64.subtract(BigInteger.ONE).toString() : Long.toString(max);
        return min(op) + " <= number <= " + hi;
    }
}
