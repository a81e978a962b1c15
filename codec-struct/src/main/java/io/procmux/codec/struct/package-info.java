/**
 * The {@code struct} codec backend: Python's {@code struct} module in Java, byte for byte.
 *
 * <ul>
 *   <li>{@link io.procmux.codec.struct.Struct}: compile a format once, then pack and unpack
 *       {@code Object[]} values with CPython's rules and errors, on byte arrays and heap or direct
 *       {@link java.nio.ByteBuffer}s.</li>
 *   <li>{@link io.procmux.codec.struct.RecordStruct}: the same format bound to a record type, for
 *       hot loops that must not box.</li>
 *   <li>{@link io.procmux.codec.struct.StructField}: one field as a typed accessor with its offset
 *       compiled in, for hot loops (made from a field index, which may be computed at run time).</li>
 *   <li>{@link io.procmux.codec.struct.StructCodecProvider} and
 *       {@link io.procmux.codec.struct.StructCodec}: the {@link io.procmux.codec.Codec} SPI.</li>
 * </ul>
 *
 * <p>Internals, each with one job: {@code FormatParser} (format to {@code Layout}), {@code Ops}
 * (the code table), {@code Values} (Java values to stored bits, with CPython's acceptance rules),
 * {@code Packer} and {@code Unpacker} (the loops), {@code Io} (byte order and target access),
 * {@code Half} (binary16), {@code RecordBinder} (record checks, and method-handle trees for records
 * and for the boxed path), {@code RecordClass} and {@code FieldClass} (the generated classes of
 * record bindings and field accessors), {@code FieldCode} (their per-value bytecode),
 * {@code ClassWriter} and {@code Code} (a minimal class-file writer for straight-line methods).
 *
 * <p>Every type and member in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.procmux.codec.struct;

import org.jspecify.annotations.NullMarked;
