package io.holdfast.api.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;

/**
 * Every Gogo command registered in the framework ({@code osgi.command.scope} and {@code osgi.command.function}
 * service properties), which bundle offered it, and which are away now: a command whose bundle is being swapped is
 * gone for a moment, and a shell line that names it waits for it ({@link #awaitReturn}) rather than failing.
 *
 * <pre>{@code
 * CommandCatalog catalog = CommandCatalog.open(context);
 * catalog.names();                       // [felix:lb, holdfast:ps, restore:plan, ...]
 * catalog.options("holdfast:ps");        // [-a, --all]
 * catalog.close();
 * }</pre>
 */
final class CommandCatalog implements AllServiceListener, AutoCloseable {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CommandCatalog.class.getName());
    private static final String FILTER = "(" + CommandProcessor.COMMAND_SCOPE + "=*)";

    private final BundleContext context;
    private final Map<ServiceReference<?>, List<String>> live = new HashMap<>();
    /** Each name ever registered, with the bundle that registered it last. */
    private final Map<String, Long> owners = new HashMap<>();

    private CommandCatalog(BundleContext context) {
        this.context = context;
    }

    static CommandCatalog open(BundleContext context) {
        CommandCatalog catalog = new CommandCatalog(context);
        try {
            context.addServiceListener(catalog, FILTER);
            ServiceReference<?>[] present = context.getAllServiceReferences(null, FILTER);
            if (present != null) {
                for (ServiceReference<?> reference : present) {
                    catalog.arrived(reference);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return catalog;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        switch (event.getType()) {
            case ServiceEvent.REGISTERED, ServiceEvent.MODIFIED -> arrived(event.getServiceReference());
            default -> left(event.getServiceReference());
        }
    }

    private synchronized void arrived(ServiceReference<?> reference) {
        List<String> names = namesOf(reference);
        live.put(reference, names);
        for (String name : names) {
            owners.put(name, reference.getBundle() == null ? -1L : reference.getBundle().getBundleId());
        }
        notifyAll();
    }

    private synchronized void left(ServiceReference<?> reference) {
        live.remove(reference);
    }

    /** The qualified names available now ({@code scope:function}), sorted. */
    synchronized Set<String> names() {
        Set<String> names = new TreeSet<>();
        live.values().forEach(names::addAll);
        return names;
    }

    /** Whether {@code word} names a command available now, qualified or not. */
    synchronized boolean available(String word) {
        return live.values().stream().flatMap(List::stream).anyMatch(name -> matches(name, word));
    }

    /**
     * Waits, up to {@code patience}, for each of {@code words} that named a command whose bundle is still installed
     * but which is away now (its bundle is being swapped). Returns the words still away after that, with the bundle
     * that held them, for an error that says so; empty when nothing had to be waited for or everything came back.
     */
    synchronized Map<String, String> awaitReturn(Collection<String> words, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        while (true) {
            Map<String, String> away = away(words);
            long left = deadline - System.nanoTime();
            if (away.isEmpty() || left <= 0) {
                return away;
            }
            if (!told) {
                told = true;
                LOG.info(() -> "shell: waiting up to " + patience.toSeconds() + " s for " + away.keySet()
                        + " of " + Set.copyOf(away.values()) + " (not active: stopped or being swapped)");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private Map<String, String> away(Collection<String> words) {
        Map<String, String> away = new LinkedHashMap<>();
        for (String word : words) {
            if (available(word)) {
                continue;
            }
            for (Map.Entry<String, Long> owner : owners.entrySet()) {
                Bundle bundle = context.getBundle(owner.getValue());
                if (matches(owner.getKey(), word) && bundle != null && bundle.getState() != Bundle.UNINSTALLED) {
                    away.put(word, bundle.getSymbolicName());
                }
            }
        }
        return away;
    }

    /** The option names ({@code -a}, {@code --all}) of the command's methods, with their descriptions. */
    Map<String, String> options(String command) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Method method : methods(command)) {
            for (Parameter parameter : method.getParameters()) {
                org.apache.felix.service.command.Parameter option =
                        parameter.getAnnotation(org.apache.felix.service.command.Parameter.class);
                if (option != null) {
                    Descriptor descriptor = parameter.getAnnotation(Descriptor.class);
                    for (String name : option.names()) {
                        options.putIfAbsent(name, descriptor == null ? "" : descriptor.value());
                    }
                }
            }
        }
        return options;
    }

    /** The command's {@code @Descriptor}, or "". */
    String description(String command) {
        for (Method method : methods(command)) {
            Descriptor descriptor = method.getAnnotation(Descriptor.class);
            if (descriptor != null) {
                return descriptor.value();
            }
        }
        return "";
    }

    /** The scopes that have a command named {@code word} ("holdfast" for "ps" or "holdfast:ps"). */
    synchronized Set<String> scopesOf(String word) {
        Set<String> scopes = new TreeSet<>();
        live.values().stream().flatMap(List::stream).filter(name -> matches(name, word))
                .forEach(name -> scopes.add(name.substring(0, name.indexOf(':'))));
        return scopes;
    }

    private List<Method> methods(String command) {
        ServiceReference<?> reference;
        synchronized (this) {
            reference = live.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(n -> matches(n, command)))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }
        if (reference == null) {
            return List.of();
        }
        String function = command.substring(command.indexOf(':') + 1);
        Object target = context.getService(reference);
        try {
            List<Method> methods = new ArrayList<>();
            if (target != null) {
                for (Method method : target.getClass().getMethods()) {
                    if (method.getName().equalsIgnoreCase(function)) {
                        methods.add(method);
                    }
                }
            }
            return methods;
        } finally {
            context.ungetService(reference);
        }
    }

    private static boolean matches(String qualified, String word) {
        return qualified.equals(word) || (!word.contains(":") && qualified.endsWith(":" + word));
    }

    private static List<String> namesOf(ServiceReference<?> reference) {
        Object scope = reference.getProperty(CommandProcessor.COMMAND_SCOPE);
        Object functions = reference.getProperty(CommandProcessor.COMMAND_FUNCTION);
        List<String> names = new ArrayList<>();
        for (String function : strings(functions)) {
            names.add(scope + ":" + function);
        }
        return names;
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    @Override
    public void close() {
        context.removeServiceListener(this);
    }
}
