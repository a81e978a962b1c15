package io.procmux.cli;

import io.procmux.codec.struct.PythonRepr;
import io.procmux.codec.struct.Struct;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code procmux struct pack|unpack|calcsize}: Python's {@code struct} module from the shell,
 * byte for byte as CPython, values written and read in Python's notation.
 */
@Command(name = "struct", mixinStandardHelpOptions = true,
        subcommands = {StructCommand.Pack.class, StructCommand.Unpack.class, StructCommand.Calcsize.class},
        description = {
            "Pack and unpack binary records with Python struct format strings (e.g. '<iHd'), exactly as CPython does.",
            "",
            "Values are written as Python literals: 1, -2, 0x10, 1.5, nan, True, b'ab\\x00'. Errors carry "
                + "CPython's meaning, with the position of a bad format character."},
        footer = {"", "Examples:",
            "  procmux struct pack '<iHd' 1 2 3.5       # 0100000002000000000000000c40",
            "  procmux struct unpack '<iHd' 0100000002000000000000000c40",
            "  procmux struct calcsize '@ci'           # 8"})
final class StructCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: pack, unpack or calcsize");
    }

    /** {@code struct pack FMT VALUES...}: prints the packed bytes as hex. */
    @Command(name = "pack", mixinStandardHelpOptions = true,
            description = "Pack VALUES (Python literals) with FMT and print the bytes as lowercase hex.")
    static final class Pack implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FMT", description = "A struct format string, e.g. '<iHd'.")
        private String format;

        @Parameters(index = "1..*", paramLabel = "VALUE", description = "One Python literal per item.")
        private List<String> values = new ArrayList<>();

        @Override
        public Integer call() {
            Struct struct = Struct.compile(format);
            Object[] parsed = new Object[values.size()];
            for (int i = 0; i < parsed.length; i++) {
                try {
                    parsed[i] = PythonRepr.parse(values.get(i));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("value " + (i + 1) + " '" + values.get(i) + "': " + e.getMessage(), e);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(HexFormat.of().formatHex(struct.pack(parsed)));
            out.flush();
            return 0;
        }
    }

    /** {@code struct unpack FMT HEX}: prints one value per line in Python's notation. */
    @Command(name = "unpack", mixinStandardHelpOptions = true,
            description = "Unpack HEX (whitespace allowed) with FMT and print one value per line as Python's repr().")
    static final class Unpack implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FMT", description = "A struct format string, e.g. '<iHd'.")
        private String format;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "HEX", description = "The bytes as hex digits.")
        private List<String> hex = new ArrayList<>();

        @Override
        public Integer call() {
            String digits = String.join("", hex).replaceAll("\\s+", "");
            byte[] data;
            try {
                data = HexFormat.of().parseHex(digits);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + digits + "' is not hex: " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (Object value : Struct.compile(format).unpack(data)) {
                out.println(PythonRepr.repr(value));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code struct calcsize FMT}: prints the record size in bytes. */
    @Command(name = "calcsize", mixinStandardHelpOptions = true, description = "Print the size in bytes of a record of FMT.")
    static final class Calcsize implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FMT", description = "A struct format string, e.g. '@ci'.")
        private String format;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(Struct.calcsize(format));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
