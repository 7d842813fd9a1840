package io.holdfast.api.shell;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.Containers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Completions for the word under the cursor: command names first, then the command's options (a word that starts
 * with {@code -}), then the values its arguments take: container names and ids for the engine's commands
 * ({@code holdfast:}, {@code restore:}), bundle ids and symbolic names for Felix's ({@code lb}, {@code start}, ...),
 * command names for {@code help}. The client filters them by what was typed, as JLine does.
 *
 * <pre>{@code
 * completer.complete("holdfast:stop we", 16);   // [web (container 3f2a...), ...]
 * }</pre>
 */
final class ShellCompleter {
    private final CommandCatalog catalog;
    private final Supplier<Containers> containers;
    private final BundleContext context;

    ShellCompleter(CommandCatalog catalog, Supplier<Containers> containers, BundleContext context) {
        this.catalog = catalog;
        this.containers = containers;
        this.context = context;
    }

    List<Candidate> complete(String line, int cursor) {
        ShellLine at = ShellLine.at(line, cursor);
        if (at.wordIndex() == 0) {
            return commands(true);
        }
        String command = at.command();
        if (at.currentWord().startsWith("-")) {
            List<Candidate> options = new ArrayList<>();
            catalog.options(command).forEach((name, description) -> options.add(new Candidate(name, description, true)));
            return options;
        }
        if (command.equals("help") || command.endsWith(":help")) {
            return commands(false);
        }
        Set<String> scopes = catalog.scopesOf(command);
        List<Candidate> values = new ArrayList<>();
        if (scopes.contains("holdfast") || scopes.contains("restore")) {
            values.addAll(containers());
        }
        if (scopes.contains("felix")) {
            values.addAll(bundles());
        }
        return values;
    }

    /** Each command qualified, and unqualified where no other scope has the same name. */
    private List<Candidate> commands(boolean describe) {
        Set<String> names = catalog.names();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (String name : names) {
            String function = name.substring(name.indexOf(':') + 1);
            if (!seen.add(function)) {
                twice.add(function);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String name : names) {
            String description = describe ? catalog.description(name) : "";
            candidates.add(new Candidate(name, description, true));
            String function = name.substring(name.indexOf(':') + 1);
            if (!twice.contains(function)) {
                candidates.add(new Candidate(function, description, true));
            }
        }
        return candidates;
    }

    private List<Candidate> containers() {
        Containers service = containers.get();
        List<Candidate> candidates = new ArrayList<>();
        if (service == null) {
            return candidates; // the supervisor is being swapped: nothing to offer this time
        }
        for (ContainerRecord c : service.list()) {
            String state = c.state().running() ? "running" : "not running";
            candidates.add(new Candidate(c.name(), "container " + c.shortId() + ", " + state, true));
            candidates.add(new Candidate(c.id(), "container " + c.name(), true));
        }
        return candidates;
    }

    private List<Candidate> bundles() {
        List<Candidate> candidates = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName() == null ? "" : bundle.getSymbolicName();
            candidates.add(new Candidate(Long.toString(bundle.getBundleId()), name, true));
            if (!name.isEmpty()) {
                candidates.add(new Candidate(name, "bundle " + bundle.getBundleId() + " " + bundle.getVersion(), true));
            }
        }
        return candidates;
    }
}
