package io.holdfast.routes.create;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.DeviceMapping;
import io.holdfast.spi.container.HostAccess;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.NamingOptions;
import io.holdfast.spi.container.ProcessOptions;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.container.StdinOptions;
import io.holdfast.spi.container.SecurityOptions;
import io.holdfast.spi.container.Ulimit;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the body of Docker's {@code POST /containers/create} ({@code Config} at top level, {@code HostConfig},
 * {@code NetworkingConfig}) into a {@link ContainerSpec}, strictly: every field Holdfast supports is mapped, and
 * every other field that is present with a value other than its default is refused with a 400 naming it
 * ({@code HostConfig.Links: legacy links are not supported}), so nothing is dropped silently.
 *
 * <pre>{@code ContainerSpec spec = CreateRequest.translate(exchange.query("name"), exchange.jsonBody());}</pre>
 */
public final class CreateRequest {
    private CreateRequest() {
    }

    /** @throws EngineException of kind {@code INVALID} naming the first field it cannot honour */
    public static ContainerSpec translate(String name, JsonNode body) {
        JsonFields config = new JsonFields(body, "");
        JsonFields host = config.object("HostConfig");
        // HostConfig first: what it asks for names the field a client set (docker -v sets Binds and Volumes)
        SupportedFields.refuseUnsupported(host, SupportedFields.HOST_CONFIG, "HostConfig.");
        List<String> aliases = EndpointsConfigRequest.aliases(config.object("NetworkingConfig"),
                host.string("NetworkMode"));
        String ipv4Address = EndpointsConfigRequest.ipv4Address(config.object("NetworkingConfig"),
                host.string("NetworkMode"));
        SupportedFields.refuseUnsupported(config, SupportedFields.CONFIG, "");
        try {
            JsonFields policy = host.object("RestartPolicy");
            return new ContainerSpec(name, config.string("Image"), config.strings("Cmd"), config.strings("Env"),
                    new RestartPolicy(policy.string("Name"), (int) policy.number("MaximumRetryCount", 0)),
                    host.bool("AutoRemove"), host.string("NetworkMode"), emptyToNull(host.string("Runtime")),
                    (int) config.number("StopTimeout", ContainerSpec.DEFAULT_STOP_TIMEOUT_SECONDS),
                    process(config, host), naming(config, host, aliases), MountRequests.of(host, config),
                    resources(host),
                    security(host), config.stringMap("Labels"),
                    new StdinOptions(config.bool("OpenStdin"), config.bool("StdinOnce")), hostAccess(host))
                    .withHealthcheck(HealthcheckRequest.of(config)).withPorts(PortRequests.of(config, host))
                    .withIpv4Address(ipv4Address);
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, invalid.getMessage());
        }
    }

    private static ProcessOptions process(JsonFields config, JsonFields host) {
        List<Ulimit> ulimits = new ArrayList<>();
        for (JsonFields limit : host.objects("Ulimits")) {
            ulimits.add(new Ulimit(limit.string("Name"), limit.number("Soft", 0), limit.number("Hard", 0)));
        }
        return new ProcessOptions(config.strings("Entrypoint"), config.string("WorkingDir"), config.string("User"),
                config.string("StopSignal"), host.bool("Init"), ulimits, config.bool("Tty"),
                host.numbers("ConsoleSize"));
    }

    private static HostAccess hostAccess(JsonFields host) {
        List<DeviceMapping> devices = new ArrayList<>();
        for (JsonFields device : host.objects("Devices")) {
            devices.add(new DeviceMapping(device.string("PathOnHost"), device.string("PathInContainer"),
                    device.string("CgroupPermissions")));
        }
        return new HostAccess(host.bool("Privileged"), devices);
    }

    private static NamingOptions naming(JsonFields config, JsonFields host, List<String> aliases) {
        return new NamingOptions(config.string("Hostname"), config.string("Domainname"), host.strings("ExtraHosts"),
                host.strings("Dns"), host.strings("DnsSearch"), host.strings("DnsOptions"), aliases);
    }

    private static ResourceLimits resources(JsonFields host) {
        long pids = host.number("PidsLimit", 0);
        return new ResourceLimits(host.number("Memory", 0), host.number("MemorySwap", 0), host.number("NanoCpus", 0),
                host.number("CpuShares", 0), host.number("CpuQuota", 0), host.number("CpuPeriod", 0),
                pids < 0 ? 0 : pids); // Docker: 0 and -1 both mean unlimited
    }

    private static SecurityOptions security(JsonFields host) {
        boolean noNewPrivileges = false;
        String seccomp = SecurityOptions.SECCOMP_DEFAULT;
        for (String option : host.strings("SecurityOpt")) {
            String[] keyValue = option.split("[:=]", 2);
            switch (keyValue[0]) {
                case "no-new-privileges" -> {
                    if (keyValue.length == 2 && !keyValue[1].equals("true") && !keyValue[1].equals("false")) {
                        throw JsonFields.refused(host.path("SecurityOpt"), "\"" + option
                                + "\": invalid --security-opt 2: expected no-new-privileges:true or :false");
                    }
                    noNewPrivileges = keyValue.length == 1 || keyValue[1].equals("true");
                }
                case "seccomp" -> seccomp = seccomp(host, option, keyValue);
                default -> throw JsonFields.refused(host.path("SecurityOpt"), "\"" + abbreviated(option)
                        + "\" is not supported (only no-new-privileges[:true|false] and seccomp=unconfined|builtin"
                        + "|<profile JSON>)");
            }
        }
        return new SecurityOptions(host.strings("CapAdd"), host.strings("CapDrop"), host.bool("ReadonlyRootfs"),
                noNewPrivileges, seccomp);
    }

    /**
     * Docker's {@code seccomp=unconfined}, {@code seccomp=builtin} (the default profile) or
     * {@code seccomp=<profile JSON>}: the docker CLI reads the file named on its command line and sends its content.
     * The engine checks the profile itself at create.
     */
    private static String seccomp(JsonFields host, String option, String[] keyValue) {
        String value = keyValue.length == 2 ? keyValue[1].strip() : "";
        if (value.equals(SecurityOptions.SECCOMP_UNCONFINED)) {
            return SecurityOptions.SECCOMP_UNCONFINED;
        }
        if (value.equals("builtin")) {
            return SecurityOptions.SECCOMP_DEFAULT;
        }
        if (!value.startsWith("{")) {
            throw JsonFields.refused(host.path("SecurityOpt"), "\"" + abbreviated(option) + "\": expected "
                    + "seccomp=unconfined, seccomp=builtin or seccomp= followed by the profile's JSON content (a client"
                    + " reads the profile file and sends its content; the engine does not open files named by clients)");
        }
        return value;
    }

    /** A profile's JSON can be long: name the option by its start. */
    private static String abbreviated(String option) {
        return option.length() > 60 ? option.substring(0, 60) + "..." : option;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
