package io.holdfast.itests.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Injects a started {@link Engine} with busybox imported (or as {@link EngineSetup} asks), and its {@link Cli} and
 * {@link Api}, into a test, {@code @BeforeEach} or {@code @BeforeAll} method, and closes the engine when that scope
 * ends: after the test (its {@code @AfterEach} included) or after the class, whether it passed or failed. Each
 * {@code Engine} parameter is an engine of its own; a {@code Cli} or {@code Api} parameter belongs to the method's
 * first {@code Engine} parameter, or to an engine of its own when the method has none.
 *
 * <pre>{@code @ExtendWith(EngineExtension.class)
 * class RestoreReportTest {
 *     @Test
 *     void reportSaysWhatHappened(Engine engine, Cli cli) throws Exception {
 *         String id = cli.ok("run", "-d", "busybox", "sleep", "1000");
 *         engine.kill9();
 *         ...}</pre>
 */
public final class EngineExtension implements ParameterResolver, TestExecutionExceptionHandler {
    /** How much of an engine's log a failed test's report carries: its end, where the failure usually is. */
    private static final int LOG_TAIL_LINES = 80;
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EngineExtension.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Engine.class || type == Cli.class || type == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Executable method = parameter.getDeclaringExecutable();
        int index = type == Engine.class ? parameter.getIndex() : firstEngineParameter(method);
        Engine engine = context.getStore(NAMESPACE).getOrComputeIfAbsent(method + "#" + index,
                key -> new Scoped(setUp(method, index)), Scoped.class).engine();
        return type == Engine.class ? engine : type == Cli.class ? engine.cli() : engine.api();
    }

    /** A failed test's report gains the end of each of its engines' logs, which are gone with their temp dirs. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Executable method = context.getRequiredTestMethod();
        for (int i = -1; i < method.getParameterCount(); i++) { // -1: a Cli or Api's engine of its own
            Scoped scoped = context.getStore(NAMESPACE).get(method + "#" + i, Scoped.class);
            if (scoped != null) {
                failure.addSuppressed(new EngineLog("engine " + i + " log, last " + LOG_TAIL_LINES + " lines:\n"
                        + tail(scoped.engine().log())));
            }
        }
        throw failure;
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - LOG_TAIL_LINES),
                lines.length));
    }

    /** Carries an engine's log into a failure's report; no stack trace of its own. */
    private static final class EngineLog extends Exception {
        EngineLog(String text) {
            super(text, null, false, false);
        }
    }

    /** Closed by JUnit with the scope it was stored in. */
    private record Scoped(Engine engine) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            engine.close();
        }
    }

    private static int firstEngineParameter(Executable method) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getType() == Engine.class) {
                return i;
            }
        }
        return -1;
    }

    /** A new engine as the parameter at {@code index} asks (defaults for -1); closed again if it cannot be set up. */
    private static Engine setUp(Executable method, int index) {
        EngineSetup setup = index < 0 ? null : method.getParameters()[index].getAnnotation(EngineSetup.class);
        Engine engine = null;
        try {
            engine = new Engine(setup == null ? Map.of() : settings(setup.settings()));
            if (setup != null && setup.ownDistribution()) {
                engine.useOwnDistribution();
            }
            if (setup == null || setup.start()) {
                engine.start();
                if (setup == null || setup.busybox()) {
                    BusyboxImage.importInto(engine);
                }
            }
            return engine;
        } catch (Exception e) {
            closeQuietly(engine, e);
            throw new ParameterResolutionException("cannot set up the engine for " + method.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Engine engine, Exception failure) {
        if (engine != null) {
            try {
                engine.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static Map<String, Object> settings(String[] pairs) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("@EngineSetup setting \"" + pair + "\": expected key=value");
            }
            String value = pair.substring(equals + 1);
            Object parsed;
            try {
                parsed = JSON.readValue(value, Object.class);
            } catch (JsonProcessingException e) {
                parsed = value; // not JSON: a string, as in bip=10.217.0.1/16
            }
            settings.put(pair.substring(0, equals), parsed);
        }
        return settings;
    }
}
