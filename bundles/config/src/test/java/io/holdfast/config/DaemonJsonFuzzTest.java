package io.holdfast.config;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.common.io.Directories;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * daemon.json with generated content (the engine's keys with values of every type, unknown keys, broken JSON): it is
 * read into a configuration or refused with a {@link ConfigException} that names the file, within 10 s (a hang,
 * not a speed, is what fails); never another exception (which would end the engine's start, or a reload, with a
 * stack trace instead of a reason).
 * Tries: {@code jqwik.tries.default} (src/test/resources/junit-platform.properties), more with
 * {@code -Djqwik.tries.default=N}.
 */
class DaemonJsonFuzzTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("live-restore", "data-root", "exec-root", "hosts",
            "default-runtime", "runtimes", "storage-driver", "debug", "shutdown-timeout", "log-driver", "log-opts",
            "storage-opts", "path", "runtimeArgs", "max-size", "max-file", "overlay.size", "vfs.size", "bip",
            "userland-proxy", "iptables");
    private static final List<String> TEXTS = List.of("", "/", "/var/lib/holdfast", "relative", "unix:///x.sock",
            "tcp://0.0.0.0:2375", "unix://", "runc", "crun", "nope", "vfs", "overlay", "json-file", "k8s-file",
            "10m", "1g", "-1", "0", "99999999999999999999k", "1.5m", "size=1G", "overlay.size=", "=", "true");
    private static Path dir;

    @BeforeContainer
    static void create() throws IOException {
        dir = Files.createTempDirectory("holdfast-daemonjson-fuzz-");
    }

    @AfterContainer
    static void delete() throws IOException {
        Directories.deleteTree(dir);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void daemonJsonIsReadOrRefusedWithTheFileNamed(@ForAll("daemonJson") String json) throws Exception {
        Path file = dir.resolve("daemon.json");
        Files.writeString(file, json);
        DaemonConfigReader reader = new DaemonConfigReader(
                () -> Map.of("runc", new io.holdfast.spi.monitor.OciRuntime("runc", "/usr/sbin/runc")), "vfs");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                reader.read(new FlagValues(file.toString(), Map.of()));
            } catch (ConfigException refused) {
                assertTrue(refused.getMessage() != null && refused.getMessage().startsWith(file.toString()),
                        "the refusal names the file: " + refused.getMessage());
            }
        }, () -> "reading " + json + " did not end");
    }

    @Provide
    Arbitrary<String> daemonJson() {
        Arbitrary<String> objects = Arbitraries.maps(keys(), value(2)).ofMaxSize(6).map(fields -> {
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object.toString();
        });
        Arbitrary<String> cut = objects.flatMap(text -> Arbitraries.integers().between(0, text.length())
                .map(at -> text.substring(0, at)));
        return Arbitraries.<String>frequencyOf(Tuple.of(8, objects), Tuple.of(1, cut),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.of("", "null", "[]", "1", "\"x\"", "{\"hosts\":[]}{}", "{\"a\":1,\"a\":2}",
                        "{\"debug\":true,\"debug\":false}", "\uFEFF{}", "{/*c*/}")));
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.<String>frequencyOf(Tuple.of(9, Arbitraries.of(KEYS)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(10)));
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.<JsonNode>frequencyOf(
                Tuple.of(3, Arbitraries.of(TEXTS).map(NODES::textNode)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12).map(NODES::textNode)),
                Tuple.of(2, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19).negate(), BigInteger.TEN.pow(25))
                        .map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(1, Arbitraries.just(NODES.nullNode())));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> inner = value(depth - 1);
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(3).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys(), inner).ofMaxSize(3).map(fields -> {
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        });
        return Arbitraries.<JsonNode>frequencyOf(Tuple.of(4, scalar), Tuple.of(1, arrays), Tuple.of(2, objects));
    }
}
