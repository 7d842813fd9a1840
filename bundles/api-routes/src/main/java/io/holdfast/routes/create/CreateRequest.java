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
 * ({@code HostConfig.PortBindings: published ports are not supported yet}), so nothing is dropped silently.
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
        // HostConfig first: docker -p sets both PortBindings and ExposedPorts, and the former says what was asked
        SupportedFields.refuseUnsupported(host, SupportedFields.HOST_CONFIG, "HostConfig.");
        SupportedFields.refuseUnsupported(config.object("NetworkingConfig"), java.util.Set.of(), "NetworkingConfig.");
        SupportedFields.refuseUnsupported(config, SupportedFields.CONFIG, "");
        try {
            JsonFields policy = host.object("RestartPolicy");
            return new ContainerSpec(name, config.string("Image"), config.strings("Cmd"), config.strings("Env"),
                    new RestartPolicy(policy.string("Name"), (int) policy.number("MaximumRetryCount", 0)),
                    host.bool("AutoRemove"), host.string("NetworkMode"), emptyToNull(host.string("Runtime")),
                    (int) config.number("StopTimeout", ContainerSpec.DEFAULT_STOP_TIMEOUT_SECONDS),
                    process(config, host), naming(config, host), MountRequests.of(host), resources(host),
                    security(host), config.stringMap("Labels"),
                    new StdinOptions(config.bool("OpenStdin"), config.bool("StdinOnce")), hostAccess(host));
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
                config.string("StopSignal"), host.bool("Init"), ulimits, config.bool("Tty"));
    }

    private static HostAccess hostAccess(JsonFields host) {
        List<DeviceMapping> devices = new ArrayList<>();
        for (JsonFields device : host.objects("Devices")) {
            devices.add(new DeviceMapping(device.string("PathOnHost"), device.string("PathInContainer"),
                    device.string("CgroupPermissions")));
        }
        return new HostAccess(host.bool("Privileged"), devices);
    }

    private static NamingOptions naming(JsonFields config, JsonFields host) {
        return new NamingOptions(config.string("Hostname"), config.string("Domainname"), host.strings("ExtraHosts"),
                host.strings("Dns"), host.strings("DnsSearch"), host.strings("DnsOptions"));
    }

    private static ResourceLimits resources(JsonFields host) {
        long pids = host.number("PidsLimit", 0);
        return new ResourceLimits(host.number("Memory", 0), host.number("MemorySwap", 0), host.number("NanoCpus", 0),
                host.number("CpuShares", 0), host.number("CpuQuota", 0), host.number("CpuPeriod", 0),
                pids < 0 ? 0 : pids); // Docker: 0 and -1 both mean unlimited
    }

    private static SecurityOptions security(JsonFields host) {
        boolean noNewPrivileges = false;
        for (String option : host.strings("SecurityOpt")) {
            String[] keyValue = option.split("[:=]", 2);
            if (!keyValue[0].equals("no-new-privileges")) {
                throw JsonFields.refused(host.path("SecurityOpt"), "\"" + option + "\" is not supported (only"
                        + " no-new-privileges[:true|false]" + (option.startsWith("seccomp") ? "; seccomp profiles"
                        + " are not supported yet" : "") + ")");
            }
            if (keyValue.length == 2 && !keyValue[1].equals("true") && !keyValue[1].equals("false")) {
                throw JsonFields.refused(host.path("SecurityOpt"), "\"" + option
                        + "\": invalid --security-opt 2: expected no-new-privileges:true or :false");
            }
            noNewPrivileges = keyValue.length == 1 || keyValue[1].equals("true");
        }
        return new SecurityOptions(host.strings("CapAdd"), host.strings("CapDrop"), host.bool("ReadonlyRootfs"),
                noNewPrivileges);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
