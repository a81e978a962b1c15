package io.procmux.cli.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replacement strings and argv building, with cases shaped like GNU parallel's documented examples. */
class TemplateTest {

    private static List<String> expand(List<String> command, List<String> args, boolean shell) {
        return Template.parse(command, args.size(), shell).expand(args, 7, 2);
    }

    @Test
    void appendsTheInputWhenThereIsNoReplacementString() {
        assertThat(expand(List.of("gzip", "-9"), List.of("a b.txt"), false)).containsExactly("gzip", "-9", "a b.txt");
    }

    @Test
    void appendsOneArgumentPerSource() {
        assertThat(expand(List.of("echo"), List.of("a", "1"), false)).containsExactly("echo", "a", "1");
    }

    @Test
    void everyModifierFollowsGnuParallel() {
        List<String> argv = expand(List.of("x", "{}", "{.}", "{/}", "{//}", "{/.}", "{#}", "{%}"),
                List.of("mydir/mysubdir/myfile.myext"), false);
        assertThat(argv).containsExactly("x", "mydir/mysubdir/myfile.myext", "mydir/mysubdir/myfile",
                "myfile.myext", "mydir/mysubdir", "myfile", "7", "2");
    }

    @Test
    void extensionsAndDirectoriesAtTheEdges() {
        assertThat(Placeholder.withoutExtension("a/b.tar.gz")).isEqualTo("a/b.tar");
        assertThat(Placeholder.withoutExtension("dir.d/file")).isEqualTo("dir.d/file");
        assertThat(Placeholder.withoutExtension(".bashrc")).isEqualTo(".bashrc");
        assertThat(Placeholder.withoutExtension("trailing.")).isEqualTo("trailing.");
        assertThat(Placeholder.dirname("file")).isEqualTo(".");
        assertThat(Placeholder.dirname("/file")).isEqualTo("/");
        assertThat(Placeholder.basename("a/b/")).isEmpty();
    }

    @Test
    void positionalReplacementStringsPickTheirSource() {
        assertThat(expand(List.of("echo", "{2}-{1}", "{-1}", "{1.}", "{2/}"), List.of("a.c", "d/e"), false))
                .containsExactly("echo", "d/e-a.c", "d/e", "a", "e");
    }

    @Test
    void aReplacementStringInsideAWordKeepsTheWordWhole() {
        assertThat(expand(List.of("convert", "{}", "--out={.}.png"), List.of("my pic.jpg"), false))
                .containsExactly("convert", "my pic.jpg", "--out=my pic.png");
    }

    @Test
    void aBareInputWordWithSeveralSourcesGivesOneArgumentEach() {
        assertThat(expand(List.of("echo", "{}"), List.of("a", "b c"), false)).containsExactly("echo", "a", "b c");
        assertThat(expand(List.of("echo", "<{}>"), List.of("a", "b"), false)).containsExactly("echo", "<a b>");
    }

    @Test
    void inputsAreNeverReSplitOrInterpreted() {
        String nasty = "a b; rm -rf / $(id) `x` 'q' \"d\" *";
        assertThat(expand(List.of("echo", "{}"), List.of(nasty), false)).containsExactly("echo", nasty);
    }

    @Test
    void anyReplacementStringStopsTheInputFromBeingAppendedAsInGnuParallel() {
        assertThat(Template.parse(List.of("echo", "{#}"), 1, false).expand(List.of("a"), 3, 1))
                .containsExactly("echo", "3");
    }

    @Test
    void shellModeQuotesEveryInsertedValue() {
        assertThat(expand(List.of("echo {} | wc -c"), List.of("it's a b"), true))
                .containsExactly("/bin/sh", "-c", "echo 'it'\\''s a b' | wc -c");
        assertThat(expand(List.of("echo"), List.of("x y", "z"), true)).containsExactly("/bin/sh", "-c", "echo 'x y' z");
        assertThat(expand(List.of("tar", "czf", "{.}.tgz", "{}"), List.of("a b.txt"), true))
                .containsExactly("/bin/sh", "-c", "tar czf 'a b'.tgz 'a b.txt'");
    }

    @Test
    void bracesThatAreNotReplacementStringsStayLiteral() {
        assertThat(expand(List.of("awk", "{print $1}"), List.of("f"), false)).containsExactly("awk", "{print $1}", "f");
        assertThat(expand(List.of("jq", "{name}", "{}"), List.of("f.json"), false)).containsExactly("jq", "{name}", "f.json");
        assertThat(expand(List.of("echo", "{a,b}", "{"), List.of("x"), false)).containsExactly("echo", "{a,b}", "{", "x");
    }

    @Test
    void unknownReplacementStringsAreRefused() {
        assertThatThrownBy(() -> Template.parse(List.of("echo", "{..}"), 1, false))
                .isInstanceOf(ParallelUsageException.class).hasMessageContaining("unknown replacement string {..}");
        assertThatThrownBy(() -> Template.parse(List.of("echo", "{1//.}"), 1, false))
                .hasMessageContaining("unknown replacement string {1//.}");
        assertThatThrownBy(() -> Template.parse(List.of("echo", "{= s/a/b/ =}"), 1, false))
                .isInstanceOf(ParallelUsageException.class);
        assertThatThrownBy(() -> Template.parse(List.of("echo", "{=uc=}"), 1, false))
                .hasMessageContaining("Perl expressions");
    }

    @Test
    void sourceNumbersMustExist() {
        assertThatThrownBy(() -> Template.parse(List.of("echo", "{3}"), 2, false))
                .hasMessageContaining("there are 2 input sources");
        assertThatThrownBy(() -> Template.parse(List.of("echo", "{0}"), 1, false))
                .hasMessageContaining("there is 1 input source");
    }

    @Test
    void anEmptyCommandIsRefused() {
        assertThatThrownBy(() -> Template.parse(List.of(), 1, false)).hasMessageContaining("no command given");
        assertThatThrownBy(() -> Template.parse(List.of(" "), 1, true)).hasMessageContaining("no command given");
    }

    @Test
    void displayQuotesArgvForAShell() {
        Template t = Template.parse(List.of("echo"), 1, false);
        assertThat(t.display(t.expand(List.of("a b"), 1, 1))).isEqualTo("echo 'a b'");
        assertThat(t.fixedProgram()).isEqualTo("echo");
        assertThat(Template.parse(List.of("{}"), 1, false).fixedProgram()).isNull();
    }
}
