package io.holdfast.supervisor.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.SecurityOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A seccomp profile in Docker's format ({@code defaultAction}, {@code architectures} or {@code archMap},
 * {@code syscalls} with {@code includes}/{@code excludes} by capability, architecture and kernel), checked field by
 * field so a bad profile is refused at create with the field it is wrong in. {@link SeccompFilter} turns it into the
 * OCI {@code linux.seccomp} of one container.
 *
 * <pre>{@code SeccompProfile profile = SeccompProfile.of(spec.security()); // null when unconfined}</pre>
 */
public record SeccompProfile(String defaultAction, Integer defaultErrnoRet, List<String> architectures,
                             List<ArchMapping> archMap, List<String> flags, List<Rule> syscalls) {
    static final String RESOURCE = "default-seccomp.json";
    static final Set<String> ACTIONS = Set.of("SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD",
            "SCMP_ACT_TRAP", "SCMP_ACT_ERRNO", "SCMP_ACT_TRACE", "SCMP_ACT_ALLOW", "SCMP_ACT_LOG");
    static final Set<String> OPERATORS = Set.of("SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ",
            "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ");
    static final Set<String> FLAGS = Set.of("SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG",
            "SECCOMP_FILTER_FLAG_SPEC_ALLOW");
    private static final Set<String> TOP_FIELDS = Set.of("defaultAction", "defaultErrnoRet", "architectures",
            "archMap", "flags", "syscalls", "comment");
    private static final Set<String> RULE_FIELDS = Set.of("name", "names", "action", "errnoRet", "args", "comment",
            "includes", "excludes");
    private static final Set<String> CONDITION_FIELDS = Set.of("caps", "arches", "minKernel");
    private static final Set<String> ARG_FIELDS = Set.of("index", "value", "valueTwo", "op");
    private static final SeccompProfile DEFAULT = loadDefault();

    /** One architecture and the ones the kernel runs beside it (32-bit x86 on x86_64). */
    public record ArchMapping(String architecture, List<String> subArchitectures) {
    }

    /** When a rule applies: every listed capability held, the host's architecture listed, a new enough kernel. */
    public record Condition(List<String> caps, List<String> arches, String minKernel) {
        static final Condition NONE = new Condition(List.of(), List.of(), "");
    }

    /** A comparison of one system call argument. */
    public record Arg(int index, long value, long valueTwo, String op) {
    }

    /** Some system calls, what happens when they are made, and when the rule applies at all. */
    public record Rule(List<String> names, String action, Integer errnoRet, List<Arg> args, Condition includes,
                       Condition excludes) {
    }

    /** The profile {@code security} asks for: the engine's default, a custom one, or {@code null} for unconfined. */
    public static SeccompProfile of(SecurityOptions security) {
        if (security.seccompUnconfined()) {
            return null;
        }
        return security.seccompCustom() ? parse(security.seccomp()) : DEFAULT;
    }

    /** The engine's own profile, a resource of this bundle. */
    public static SeccompProfile defaultProfile() {
        return DEFAULT;
    }

    /** @throws IllegalArgumentException naming the field that is wrong, e.g. {@code syscalls[2].action} */
    public static SeccompProfile parse(String json) {
        JsonNode tree;
        try {
            tree = OciSpec.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("", "must be a JSON object, got " + (tree == null ? "nothing" : tree.getNodeType()));
        }
        unknownFields(tree, TOP_FIELDS, "");
        String defaultAction = action(tree.path("defaultAction"), "defaultAction");
        List<String> architectures = strings(tree.path("architectures"), "architectures");
        for (String arch : architectures) {
            architecture(arch, "architectures");
        }
        List<ArchMapping> archMap = new ArrayList<>();
        int i = 0;
        for (JsonNode entry : array(tree.path("archMap"), "archMap")) {
            String at = "archMap[" + i++ + "]";
            String arch = architecture(text(entry.path("architecture"), at + ".architecture"), at + ".architecture");
            List<String> subs = strings(entry.path("subArchitectures"), at + ".subArchitectures");
            subs.forEach(sub -> architecture(sub, at + ".subArchitectures"));
            archMap.add(new ArchMapping(arch, subs));
        }
        List<String> flags = strings(tree.path("flags"), "flags");
        for (String flag : flags) {
            if (!FLAGS.contains(flag)) {
                throw invalid("flags", "unknown flag \"" + flag + "\"; known: " + new java.util.TreeSet<>(FLAGS));
            }
        }
        List<Rule> rules = new ArrayList<>();
        i = 0;
        for (JsonNode rule : array(tree.path("syscalls"), "syscalls")) {
            rules.add(rule(rule, "syscalls[" + i++ + "]"));
        }
        return new SeccompProfile(defaultAction, errno(tree.path("defaultErrnoRet"), "defaultErrnoRet"),
                architectures, archMap, flags, rules);
    }

    private static Rule rule(JsonNode rule, String at) {
        if (!rule.isObject()) {
            throw invalid(at, "must be an object");
        }
        unknownFields(rule, RULE_FIELDS, at + ".");
        List<String> names = new ArrayList<>(strings(rule.path("names"), at + ".names"));
        if (rule.has("name")) {
            names.add(text(rule.get("name"), at + ".name"));
        }
        if (names.isEmpty()) {
            throw invalid(at, "names no system call (\"names\": [...])");
        }
        for (String name : names) {
            if (!name.matches("[a-z0-9_]+")) {
                throw invalid(at + ".names", "\"" + name + "\" is not a system call name");
            }
        }
        List<Arg> args = new ArrayList<>();
        int i = 0;
        for (JsonNode arg : array(rule.path("args"), at + ".args")) {
            String argAt = at + ".args[" + i++ + "]";
            if (!arg.isObject()) {
                throw invalid(argAt, "must be an object");
            }
            unknownFields(arg, ARG_FIELDS, argAt + ".");
            long index = number(arg.path("index"), argAt + ".index", true);
            if (index < 0 || index > 5) {
                throw invalid(argAt + ".index", "must be 0 to 5 (a system call has six arguments), got " + index);
            }
            String op = text(arg.path("op"), argAt + ".op");
            if (!OPERATORS.contains(op)) {
                throw invalid(argAt + ".op", "unknown operator \"" + op + "\"; known: "
                        + new java.util.TreeSet<>(OPERATORS));
            }
            args.add(new Arg((int) index, number(arg.path("value"), argAt + ".value", true),
                    number(arg.path("valueTwo"), argAt + ".valueTwo", false), op));
        }
        return new Rule(names, action(rule.path("action"), at + ".action"), errno(rule.path("errnoRet"),
                at + ".errnoRet"), args, condition(rule.path("includes"), at + ".includes"),
                condition(rule.path("excludes"), at + ".excludes"));
    }

    private static Condition condition(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            return Condition.NONE;
        }
        if (!node.isObject()) {
            throw invalid(at, "must be an object");
        }
        unknownFields(node, CONDITION_FIELDS, at + ".");
        List<String> caps = strings(node.path("caps"), at + ".caps");
        for (String cap : caps) {
            if (!SecurityOptions.KNOWN_CAPABILITIES.contains(cap)) {
                throw invalid(at + ".caps", "unknown capability \"" + cap + "\" (spelled like CAP_SYS_ADMIN)");
            }
        }
        String minKernel = node.has("minKernel") ? text(node.get("minKernel"), at + ".minKernel") : "";
        if (!minKernel.isEmpty() && !minKernel.matches("\\d+\\.\\d+")) {
            throw invalid(at + ".minKernel", "expected MAJOR.MINOR such as 4.8, got \"" + minKernel + "\"");
        }
        return new Condition(caps, strings(node.path("arches"), at + ".arches"), minKernel);
    }

    private static String action(JsonNode node, String at) {
        String action = text(node, at);
        if (!ACTIONS.contains(action)) {
            throw invalid(at, "unknown action \"" + action + "\"; known: " + new java.util.TreeSet<>(ACTIONS)
                    + (action.equals("SCMP_ACT_NOTIFY") ? " (SCMP_ACT_NOTIFY needs a listener Holdfast has not)"
                    : ""));
        }
        return action;
    }

    private static String architecture(String arch, String at) {
        if (!arch.matches("SCMP_ARCH_[A-Z0-9_]+")) {
            throw invalid(at, "\"" + arch + "\" is not an architecture (spelled like SCMP_ARCH_X86_64)");
        }
        return arch;
    }

    private static Integer errno(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        long value = number(node, at, true);
        if (value < 0 || value > 4095) {
            throw invalid(at, "must be an errno between 0 and 4095, got " + value);
        }
        return (int) value;
    }

    private static long number(JsonNode node, String at, boolean required) {
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                throw invalid(at, "is missing");
            }
            return 0;
        }
        if (!node.isIntegralNumber() || (node.isBigInteger() && node.bigIntegerValue().bitLength() > 64)) {
            throw invalid(at, "must be a whole number, got " + node);
        }
        return node.isBigInteger() ? node.bigIntegerValue().longValue() : node.asLong();
    }

    private static String text(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            throw invalid(at, "is missing");
        }
        if (!node.isTextual()) {
            throw invalid(at, "must be a string, got " + node);
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode node, String at) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(node, at)) {
            values.add(text(value, at));
        }
        return values;
    }

    private static Iterable<JsonNode> array(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid(at, "must be an array, got " + node.getNodeType());
        }
        return node;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid(prefix + name, "is not a field of a seccomp profile Holdfast knows; known here: "
                        + new java.util.TreeSet<>(known));
            }
        }
    }

    private static IllegalArgumentException invalid(String at, String problem) {
        return new IllegalArgumentException("seccomp profile" + (at.isEmpty() ? "" : ": " + at) + " " + problem);
    }

    private static SeccompProfile loadDefault() {
        try (InputStream in = SeccompProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the supervisor bundle");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
