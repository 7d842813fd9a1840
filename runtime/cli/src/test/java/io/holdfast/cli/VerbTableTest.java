package io.holdfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class VerbTableTest {

    /** The table names classes by string: each must exist and carry the verb's own name. */
    @Test
    void eachVerbNamesACommandClassOfThatName() throws Exception {
        for (Map.Entry<String, String> verb : Verbs.ALL) {
            Class<?> type = Class.forName("io.holdfast.cli.commands." + verb.getValue());
            assertEquals(verb.getKey(), type.getAnnotation(Command.class).name(), type.getName());
        }
    }

    @Test
    void aCommandLineBuildsOnlyTheVerbItNamesAfterTheGlobalOptions() {
        CommandLine top = new CommandLine(new HoldfastCli(Io.system(), Map.of()));
        Verbs.addNamed(top, new String[] {"-H", "ps", "--help", "stop", "web"}, "-H"::equals);
        assertEquals(List.of("stop"), List.copyOf(top.getSubcommands().keySet()));
    }

    @Test
    void noVerbOrAnUnknownOneBuildsThemAllInHelpOrder() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"frobnicate"})) {
            CommandLine top = new CommandLine(new HoldfastCli(Io.system(), Map.of()));
            Verbs.addNamed(top, args, "-H"::equals);
            assertEquals(Verbs.ALL.stream().map(Map.Entry::getKey).toList(),
                    List.copyOf(top.getSubcommands().keySet()));
        }
    }

    @Test
    void theHelpListsEveryVerbAndAVerbsHelpIsItsOwn() {
        CliRunner.Result all = new CliRunner().run("--help");
        for (Map.Entry<String, String> verb : Verbs.ALL) {
            assertTrue(all.out().contains("\n  " + verb.getKey() + " "), verb.getKey() + " missing from:\n" + all.out());
        }
        CliRunner.Result ps = new CliRunner().run("-H", "unix:///nonexistent.sock", "ps", "--help");
        assertEquals(0, ps.status());
        assertTrue(ps.out().startsWith("Usage: holdfast ps"), ps.out());
    }
}
