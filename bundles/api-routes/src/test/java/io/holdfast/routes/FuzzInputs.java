package io.holdfast.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The generators behind {@link ApiRoutesFuzzTest}: routes, path parameters, query strings and bodies. */
final class FuzzInputs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Every route the API has ({@link RouteTable}), plus a few it has not. */
    private static final List<String> ROUTES = List.of(
            "GET /info", "GET /swarm", "POST /swarm/leave",
            "GET /containers/json", "POST /containers/create", "GET /containers/{id}/json",
            "POST /containers/{id}/update", "POST /containers/{id}/start", "POST /containers/{id}/stop",
            "POST /containers/{id}/kill", "GET /containers/{id}/logs", "DELETE /containers/{id}",
            "POST /containers/{id}/exec", "POST /exec/{id}/start", "GET /exec/{id}/json", "POST /exec/{id}/resize",
            "POST /containers/{id}/restart", "POST /containers/{id}/rename", "POST /containers/{id}/pause",
            "POST /containers/{id}/unpause", "POST /containers/prune", "POST /containers/{id}/wait",
            "POST /containers/{id}/attach", "GET /containers/{id}/top", "GET /containers/{id}/stats",
            "HEAD /containers/{id}/archive", "GET /containers/{id}/archive", "PUT /containers/{id}/archive",
            "GET /containers/{id}/export", "GET /images/json", "GET /images/{name*}/json",
            "GET /images/{name*}/history", "POST /images/{name*}/tag", "POST /images/create",
            "DELETE /images/{name*}", "GET /events", "GET /restore/report", "GET /restore/plan",
            "POST /restore/containers/{ref}/adopt", "POST /restore/containers/{ref}/stop",
            "POST /containers/{id}/resize", "GET /containers/{id}/changes",
            "GET /v1.41/containers/{id}/json", "PATCH /containers/{id}", "GET /containers/{id}/{id}");

    /** Every query parameter some route reads; each request gets a few, whichever its route. */
    private static final List<String> QUERY_NAMES = List.of("all", "limit", "size", "filters", "name", "t",
            "signal", "stdout", "stderr", "follow", "tail", "since", "until", "timestamps", "force", "h", "w",
            "condition", "stdin", "stream", "logs", "ps_args", "one-shot", "path", "noOverwriteDirNonDir",
            "copyUIDGID", "repo", "tag", "fromSrc", "dryRun", "v", "detachKeys", "changes");

    /** Docker's field names, so generated bodies reach the code that reads each field. */
    private static final List<String> FIELDS = List.of("Image", "Cmd", "Entrypoint", "Env", "HostConfig",
            "Binds", "Memory", "MemorySwap", "NanoCpus", "CpuShares", "CpuQuota", "CpuPeriod", "PidsLimit",
            "RestartPolicy", "Name", "MaximumRetryCount", "Mounts", "Type", "Source", "Target", "ReadOnly",
            "Tmpfs", "TmpfsOptions", "SizeBytes", "Mode", "BindOptions", "Propagation", "Ulimits", "Soft", "Hard",
            "CapAdd", "CapDrop", "SecurityOpt", "Labels", "User", "WorkingDir", "Hostname", "Domainname",
            "StopSignal", "StopTimeout", "OpenStdin", "StdinOnce", "Tty", "AttachStdin", "AttachStdout",
            "AttachStderr", "Detach", "DetachKeys", "Privileged", "NetworkMode", "Dns", "DnsSearch", "DnsOptions",
            "ExtraHosts", "Init", "ReadonlyRootfs", "AutoRemove", "Runtime", "Healthcheck", "ExposedPorts",
            "PortBindings", "Volumes", "NetworkingConfig", "ConsoleSize", "MemorySwappiness", "BlkioWeight",
            "Devices", "Config");

    private static final List<String> SPECIAL_VALUES = List.of("", "0", "1", "true", "True", "false", "all", "-1",
            "-2147483649", "2147483648", "9223372036854775807", "9223372036854775808", "1e400",
            "99999999999999999999999", "1.5", "NaN", "-", "not-running", "next-exit", "KILL", "SIGKILL", "RTMIN+3",
            "SIGRTMAX+1", "0x10", "/", "/etc", "../../..", "{}", "[]", "null", "{\"label\":[\"a=b\"]}",
            "{\"label\":{\"a=b\":true}}", "{\"until\":[\"1h\"]}", "{\"until\":[\"99999999999999999999\"]}",
            "{\"status\":{\"running\":true}}", "{\"before\":[\"web\"]}", "{\"since\":[\"nope\"]}",
            "{\"type\":[\"container\"],\"event\":[\"start\"]}", "{\"label\":[1]}", "{\"x\":", "1700000000",
            "1700000000.999999999", "-1700000000", "99999999999999", "9999999999999999999.5", "2026-11-30T12:00:00Z",
            "10m", "-10m", "5h30m", "1.5.6", "busybox", "web", FuzzEngine.CONTAINER_ID, "busybox:latest", "a:b:c",
            "UPPER", "ctrl-p,ctrl-q", "ctrl-", "ctrl-@,a", "CMD [\"sh\"]", "CMD [", "ENV A=b", "ENV", "EXPOSE 80",
            "LABEL a=b c", "USER", "WORKDIR relative", "STOPSIGNAL NOPE", "ENTRYPOINT sh -c", "x".repeat(300));

    private FuzzInputs() {
    }

    static Arbitrary<String> routes() {
        return Arbitraries.of(ROUTES);
    }

    /** Path parameters: the fake engine's own names, or anything, percent-encoded or left raw. */
    static Arbitrary<String> pathParams() {
        Arbitrary<String> known = Arbitraries.of(FuzzEngine.CONTAINER, FuzzEngine.CONTAINER_ID, FuzzEngine.EXEC,
                FuzzEngine.IMAGE, "busybox", FuzzEngine.IMAGE_ID, "web/json", "%2e%2e", "%zz", "%", "%C0%AF", "a+b");
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(40).map(FuzzInputs::encode);
        Arbitrary<String> raw = Arbitraries.strings().withChars("%/.:+@!$&'()*,;=~_-aZ09").ofMaxLength(12);
        return Arbitraries.<String>frequencyOf(Tuple.of(6, known), Tuple.of(2, any), Tuple.of(2, raw));
    }

    /** A query string of up to five parameters, or nothing. */
    static Arbitrary<String> queries() {
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(QUERY_NAMES), values())
                .as((name, value) -> name + "=" + value);
        return pair.list().ofMaxSize(5).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<String> values() {
        Arbitrary<String> special = Arbitraries.of(SPECIAL_VALUES).map(FuzzInputs::encode);
        Arbitrary<String> numbers = Arbitraries.longs().map(String::valueOf);
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(30).map(FuzzInputs::encode);
        Arbitrary<String> raw = Arbitraries.strings().withChars("%=&+;,:.-_0123456789abcxyzT").ofMaxLength(12);
        return Arbitraries.<String>frequencyOf(Tuple.of(6, special), Tuple.of(2, numbers), Tuple.of(2, any),
                Tuple.of(1, raw));
    }

    /** Bodies: Docker-shaped JSON with values of every type, JSON that is not an object, garbage, or nothing. */
    static Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> json = json(3).map(node -> node.toString().getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(80).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Arbitraries.<byte[]>frequencyOf(Tuple.of(6, json), Tuple.of(1, text), Tuple.of(1, bytes),
                Tuple.of(2, Arbitraries.just(new byte[0])));
    }

    private static Arbitrary<JsonNode> json(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<JsonNode> inner = json(depth - 1);
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(3).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<String> keys = Arbitraries.<String>frequencyOf(Tuple.of(9, Arbitraries.of(FIELDS)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, inner).ofMaxSize(5).map(fields -> {
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        });
        return Arbitraries.<JsonNode>frequencyOf(Tuple.of(3, scalars()), Tuple.of(1, arrays), Tuple.of(4, objects));
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.<JsonNode>frequencyOf(
                Tuple.of(3, Arbitraries.of(SPECIAL_VALUES).map(NODES::textNode)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(20).map(NODES::textNode)),
                Tuple.of(2, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(0L, -1L, 1L, Integer.MAX_VALUE + 1L, Long.MIN_VALUE, Long.MAX_VALUE)
                        .map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19).negate(),
                        BigInteger.TEN.pow(25)).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(1, Arbitraries.just(NODES.nullNode())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
