package io.holdfast.network.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.common.process.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * iproute2's {@code ip}, one method per operation, in the host's network namespace or (after {@link #in}) in a
 * named one via {@code ip -n}. Each call runs {@code ip} to completion through {@link Command} and blocks on it, at
 * most {@link #TIMEOUT}; a failure throws an {@link IOException} that names the command line and what it printed.
 * Queries use {@code ip -j} (JSON); the named namespaces are read from the directory {@code ip netns} keeps them in.
 * Needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN for namespaces).
 */
final class IpCommands {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How {@code ip -batch} names the line it stopped at. */
    private static final java.util.regex.Pattern FAILED_LINE = java.util.regex.Pattern.compile("Command failed -:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A network interface as {@code ip -d -j link show} reports it.
     *
     * @param kind   the link type, e.g. {@code bridge} or {@code veth}, or {@code ""} for a plain device
     * @param master the bridge it is a port of, or {@code null}
     */
    record Link(String name, String kind, int mtu, boolean up, String mac, String master) {
    }

    private final String program;
    /** Where {@code ip netns} keeps the named namespaces' mount points. */
    private final Path netnsDir;
    private final String namespace;

    /** {@code ip} from the PATH, in the host's namespace. */
    IpCommands() {
        this("ip", Path.of(NetworkNames.NETNS_DIR), null);
    }

    /** {@code program} in place of iproute2's {@code ip}, {@code netnsDir} in place of /run/netns: a test's stand-ins. */
    IpCommands(String program, Path netnsDir) {
        this(program, netnsDir, null);
    }

    private IpCommands(String program, Path netnsDir, String namespace) {
        this.program = program;
        this.netnsDir = netnsDir;
        this.namespace = namespace;
    }

    /** The same commands run inside the named network namespace {@code name}. */
    IpCommands in(String name) {
        return new IpCommands(program, netnsDir, name);
    }

    /** The link called {@code name}, or empty if there is none. */
    Optional<Link> link(String name) throws IOException {
        Command.Result result = run("-d", "-j", "link", "show", "dev", name);
        if (!result.ok() && missing(result)) {
            return Optional.empty();
        }
        List<Link> links = links(check(result));
        return links.isEmpty() ? Optional.empty() : Optional.of(links.get(0));
    }

    /** Every link (in the namespace, after {@link #in}). */
    List<Link> links() throws IOException {
        return links(check(run("-d", "-j", "link", "show")));
    }

    /** The ports of {@code bridge}. */
    List<Link> portsOf(String bridge) throws IOException {
        return links(check(run("-d", "-j", "link", "show", "master", bridge)));
    }

    /** The IPv4 addresses of {@code device} as {@code address/prefix}, e.g. {@code 172.30.0.1/16}. */
    List<String> ipv4Addresses(String device) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (JsonNode link : json(check(run("-j", "-4", "addr", "show", "dev", device)))) {
            for (JsonNode address : link.path("addr_info")) {
                if ("inet".equals(address.path("family").asText())) {
                    addresses.add(address.path("local").asText() + "/" + address.path("prefixlen").asInt());
                }
            }
        }
        return addresses;
    }

    /** Every IPv4 address on the host's interfaces as {@code address/prefix}: the networks already in use here. */
    List<String> allIpv4Addresses() throws IOException {
        List<String> addresses = new ArrayList<>();
        for (JsonNode link : json(check(run("-j", "-4", "addr", "show")))) {
            for (JsonNode address : link.path("addr_info")) {
                if ("inet".equals(address.path("family").asText())) {
                    addresses.add(address.path("local").asText() + "/" + address.path("prefixlen").asInt());
                }
            }
        }
        return addresses;
    }

    /** {@code ip link add name NAME address MAC mtu MTU type bridge}. */
    void addBridge(String name, String mac, int mtu) throws IOException {
        check(run("link", "add", "name", name, "address", mac, "mtu", Integer.toString(mtu), "type", "bridge"));
    }

    /** {@code ip addr add CIDR dev DEVICE}. */
    void addAddress(String device, String cidr) throws IOException {
        check(run("addr", "add", cidr, "dev", device));
    }

    /** {@code ip link set DEVICE up}. */
    void up(String device) throws IOException {
        check(run("link", "set", device, "up"));
    }

    /** {@code ip link set DEVICE master BRIDGE}. */
    void setMaster(String device, String bridge) throws IOException {
        check(run("link", "set", device, "master", bridge));
    }

    /**
     * A veth pair in one step: {@code hostName} here, its peer created directly inside {@code peerNamespace} as
     * {@code peerName} with {@code peerMac}, both with {@code mtu}. Nothing is left behind if it fails.
     */
    void addVethPair(String hostName, String peerName, String peerMac, String peerNamespace, int mtu)
            throws IOException {
        String m = Integer.toString(mtu);
        check(run("link", "add", hostName, "mtu", m, "type", "veth",
                "peer", "name", peerName, "address", peerMac, "mtu", m, "netns", peerNamespace));
    }

    /** Deletes link {@code name} (for a veth, both ends); whether it existed. */
    boolean deleteLinkIfPresent(String name) throws IOException {
        Command.Result result = run("link", "delete", name);
        if (!result.ok() && missing(result)) {
            return false;
        }
        check(result);
        return true;
    }

    /**
     * Runs {@code commands} (each an {@code ip} command line without the {@code ip}) in one {@code ip -batch}: one
     * process instead of one each, the cost of a process spawned from the engine being most of a command's. It stops
     * at the first that fails and says which in the exception; the ones before it took effect.
     */
    void batch(List<String> commands) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        if (namespace != null) {
            argv.add("-n");
            argv.add(namespace);
        }
        argv.addAll(List.of("-batch", "-"));
        Command.Result result;
        try {
            result = Command.run(argv, String.join("\n", commands) + "\n", TIMEOUT);
        } catch (IOException e) {
            throw new IOException("`" + String.join(" ", argv) + "` could not run: " + e.getMessage(), e);
        }
        if (!result.ok()) {
            throw new IOException(failedIn(commands, result));
        }
    }

    /**
     * Names the command of a batch that failed, as {@code ip} would have been run for it alone, with what {@code ip}
     * said: {@code ip} reports the line ({@code Command failed -:2}) unless it stopped at an argument it could not
     * parse, and then every command of the batch is named.
     */
    private String failedIn(List<String> commands, Command.Result result) {
        String prefix = program + (namespace == null ? "" : " -n " + namespace) + " ";
        java.util.regex.Matcher line = FAILED_LINE.matcher(result.output());
        int failedLine = line.find() ? Integer.parseInt(line.group(1)) : 0;
        String failed = failedLine >= 1 && failedLine <= commands.size()
                ? "`" + prefix + commands.get(failedLine - 1) + "`"
                : "one of " + commands.stream().map(c -> "`" + prefix + c + "`").collect(Collectors.joining(", "));
        String said = line.replaceAll("").strip().replace('\n', ' ');
        return failed + " failed (in one `ip -batch`, exit code " + result.exitCode() + ")"
                + (said.isEmpty() ? "" : ": " + said);
    }

    /**
     * The names of the named network namespaces: the entries of {@code /run/netns}, which is what {@code ip netns list}
     * lists. Read, not run: {@code ip} also asks the kernel for each namespace's id, and with a container's namespace
     * each that costs 28 ms at 500 containers on every removal, growing with their number.
     */
    List<String> namespaces() throws IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(netnsDir)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of(); // no namespace was ever named on this host
        }
    }

    /**
     * Whether the named namespace exists: whether the netns directory has it, which is what {@code ip netns list}
     * lists (read, not run: a spawn from the engine costs milliseconds).
     */
    boolean namespaceExists(String name) {
        return Files.exists(netnsDir.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Unmounts and removes namespace {@code name}; whether it existed. The kernel frees the namespace, and with it
     * its interfaces, once no process is left in it.
     */
    boolean deleteNamespaceIfPresent(String name) throws IOException {
        if (!namespaceExists(name)) {
            return false;
        }
        Command.Result result = run("netns", "delete", name);
        if (!result.ok() && result.output().contains("No such file")) {
            return false;
        }
        check(result);
        return true;
    }

    private Command.Result run(String... args) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        if (namespace != null) {
            argv.add("-n");
            argv.add(namespace);
        }
        argv.addAll(List.of(args));
        try {
            return Command.run(argv, TIMEOUT);
        } catch (IOException e) {
            throw new IOException("`" + String.join(" ", argv) + "` could not run: " + e.getMessage(), e);
        }
    }

    private static Command.Result check(Command.Result result) throws IOException {
        if (!result.ok()) {
            String output = result.output().strip();
            throw new IOException("`" + String.join(" ", result.argv()) + "` exited with " + result.exitCode()
                    + (output.isEmpty() ? "" : ": " + output.replace('\n', ' ')));
        }
        return result;
    }

    private static boolean missing(Command.Result result) {
        String output = result.output();
        return output.contains("does not exist") || output.contains("Cannot find device");
    }

    /** Parses stdout alone: ip warns on stderr (a namespace deleted while it lists them) and still lists. */
    private static JsonNode json(Command.Result result) throws IOException {
        String output = result.stdout().strip();
        if (output.isEmpty()) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(output);
        } catch (IOException e) {
            throw new IOException("`" + String.join(" ", result.argv()) + "` printed no JSON: " + output, e);
        }
    }

    private static List<Link> links(Command.Result result) throws IOException {
        List<Link> links = new ArrayList<>();
        for (JsonNode link : json(result)) {
            boolean up = false;
            for (JsonNode flag : link.path("flags")) {
                up |= "UP".equals(flag.asText());
            }
            JsonNode master = link.get("master");
            links.add(new Link(link.path("ifname").asText(), link.path("linkinfo").path("info_kind").asText(""),
                    link.path("mtu").asInt(), up, link.path("address").asText(""),
                    master == null ? null : master.asText()));
        }
        return links;
    }
}
