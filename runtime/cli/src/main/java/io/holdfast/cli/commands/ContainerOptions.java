package io.holdfast.cli.commands;

import io.holdfast.cli.engine.ContainerSpec;
import io.holdfast.docker.model.CreateResponse;
import io.holdfast.cli.engine.EngineClient;
import io.holdfast.cli.engine.RestartPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** The flags and positionals shared by {@code create} and {@code run}. */
public final class ContainerOptions {

    @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container.")
    String name;

    @Option(names = "--restart", paramLabel = "POLICY", defaultValue = "no", converter = RestartPolicyConverter.class,
            description = "Restart policy: no, always, unless-stopped, on-failure[:max-retries] (default: no).")
    RestartPolicy restartPolicy;

    @Option(names = "--rm", description = "Remove the container when it exits.")
    boolean autoRemove;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
            description = "Set an environment variable; a bare KEY takes this shell's value.")
    List<String> env = new ArrayList<>();

    @Option(names = {"--network", "--net"}, paramLabel = "NETWORK", description = "Network mode, e.g. none.")
    String network;

    @Option(names = "--network-alias", paramLabel = "ALIAS",
            description = "Add a network-scoped alias for the container (on a user-defined --network).")
    List<String> networkAliases = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IPV4", description = "IPv4 address on a user-defined --network.")
    String ip;

    @Mixin
    ContainerFlags flags = new ContainerFlags();

    @Mixin
    HealthFlags health = new HealthFlags();

    @Parameters(index = "0", paramLabel = "IMAGE", description = "Image to create the container from.")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "Command and arguments (default: the image's).")
    List<String> command = new ArrayList<>();

    ContainerSpec toSpec(CommandContext context) {
        List<String> resolvedEnv = new ArrayList<>();
        for (String entry : env) {
            if (entry.contains("=")) {
                resolvedEnv.add(entry);
            } else if (context.environment(entry) != null) { // Docker's `-e KEY`: pass this shell's value through
                resolvedEnv.add(entry + "=" + context.environment(entry));
            }
        }
        return new ContainerSpec(image, List.copyOf(command), resolvedEnv, restartPolicy, autoRemove, network,
                withAliases(health.addTo(flags.config())), flags.hostConfig());
    }

    /**
     * Docker's {@code NetworkingConfig.EndpointsConfig.<network>}: {@code Aliases} for {@code --network-alias},
     * {@code IPAMConfig.IPv4Address} for {@code --ip}.
     */
    private java.util.Map<String, Object> withAliases(java.util.Map<String, Object> config) {
        boolean hasIp = ip != null && !ip.isEmpty();
        if (networkAliases.isEmpty() && !hasIp) {
            return config;
        }
        if (network == null) {
            throw new IllegalArgumentException((hasIp ? "--ip" : "--network-alias")
                    + " needs --network with a user-defined network");
        }
        java.util.Map<String, Object> endpoint = new java.util.LinkedHashMap<>();
        if (!networkAliases.isEmpty()) {
            endpoint.put("Aliases", List.copyOf(networkAliases));
        }
        if (hasIp) {
            endpoint.put("IPAMConfig", java.util.Map.of("IPv4Address", ip));
        }
        java.util.Map<String, Object> withAliases = new java.util.LinkedHashMap<>(config);
        withAliases.put("NetworkingConfig", java.util.Map.of("EndpointsConfig", java.util.Map.of(network, endpoint)));
        return withAliases;
    }

    /** Creates the container, printing any daemon warnings to stderr as Docker does, and returns its id. */
    String create(EngineClient engine, CommandContext context) throws IOException {
        CreateResponse created = engine.create(name, toSpec(context));
        PrintStream err = context.err();
        created.warnings().forEach(warning -> err.println("WARNING: " + warning));
        return created.id();
    }

    static final class RestartPolicyConverter implements ITypeConverter<RestartPolicy> {
        @Override
        public RestartPolicy convert(String value) {
            try {
                return RestartPolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
