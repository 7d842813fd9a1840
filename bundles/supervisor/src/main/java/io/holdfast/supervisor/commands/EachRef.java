package io.holdfast.supervisor.commands;

import io.holdfast.spi.container.EngineException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a command to each container it names, as the CLI does: an engine error for one ref is reported and the
 * rest still run. When all succeed the refs are returned for the shell to print; when any failed, the ones that
 * succeeded are printed and the command fails with one line per failure.
 *
 * <pre>{@code
 * return EachRef.apply(refs, ref -> containers.remove(ref, force), System.out);   // holdfast:rm a b c
 * }</pre>
 */
final class EachRef {
    private EachRef() {
    }

    static List<String> apply(String[] refs, Consumer<String> action, PrintStream out) {
        List<String> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String ref : refs) {
            try {
                action.accept(ref);
                done.add(ref);
            } catch (EngineException e) {
                failures.add(e.getMessage());
            }
        }
        if (failures.isEmpty()) {
            return done;
        }
        done.forEach(out::println);
        throw new RefsFailed(failures);
    }

    /** Some refs failed; the message has one line per failure, as the CLI's stderr has. */
    static final class RefsFailed extends RuntimeException {
        private final List<String> failures;

        RefsFailed(List<String> failures) {
            super(String.join("\n", failures));
            this.failures = List.copyOf(failures);
        }

        List<String> failures() {
            return failures;
        }
    }
}
