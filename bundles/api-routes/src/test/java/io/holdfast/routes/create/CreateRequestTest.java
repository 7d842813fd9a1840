package io.holdfast.routes.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.NamingOptions;
import io.holdfast.spi.container.ProcessOptions;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.SecurityOptions;
import io.holdfast.spi.container.Ulimit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bodies under {@code /create} are what the stock docker CLIs sent (captured from 20.10 and 28.2). */
class CreateRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(String name) throws IOException {
        try (var in = CreateRequestTest.class.getResourceAsStream("/create/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static ObjectNode plain() throws IOException {
        return (ObjectNode) body("cli-28.2-plain.json");
    }

    private static String refusal(JsonNode body) {
        return assertThrows(EngineException.class, () -> CreateRequest.translate(null, body)).getMessage();
    }

    @Test
    void aTerminalsConsoleSizeIsKeptAndZeroMeansNone() throws IOException {
        ObjectNode body = plain();
        body.put("Tty", true);
        ((ObjectNode) body.get("HostConfig")).putArray("ConsoleSize").add(24).add(80);
        assertEquals(List.of(24, 80), CreateRequest.translate(null, body).process().consoleSize());
        ((ObjectNode) body.get("HostConfig")).putArray("ConsoleSize").add(0).add(0);
        assertEquals(List.of(), CreateRequest.translate(null, body).process().consoleSize());
        ((ObjectNode) body.get("HostConfig")).putArray("ConsoleSize").add(-1).add(80);
        assertTrue(refusal(body).startsWith("HostConfig.ConsoleSize"), refusal(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli-20.10-plain.json", "cli-28.2-plain.json"})
    void theCliDefaultsOfAPlainCreateAreAccepted(String file) throws IOException {
        ContainerSpec spec = CreateRequest.translate("x", body(file));
        assertEquals(List.of("true"), spec.cmd());
        assertEquals("default", spec.networkMode());
        assertEquals(ProcessOptions.DEFAULT, spec.process());
        assertEquals(NamingOptions.DEFAULT, spec.naming());
        assertEquals(List.of(), spec.mounts());
        assertEquals(ResourceLimits.NONE, spec.resources());
        assertEquals(SecurityOptions.DEFAULT, spec.security());
        assertEquals(Map.of(), spec.labels());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli-20.10-options.json", "cli-28.2-options.json"})
    void everyOptionTheCliSendsIsMapped(String file) throws IOException {
        ContainerSpec spec = CreateRequest.translate("x", body(file));
        assertEquals(new ProcessOptions(List.of("/bin/sh"), "/tmp", "1000:1000", "USR1", true,
                List.of(new Ulimit("nofile", 100, 200))), spec.process());
        assertEquals(List.of("-c", "true"), spec.cmd());
        assertEquals(3, spec.stopTimeoutSeconds());
        assertEquals(new NamingOptions("hh", "", List.of("foo:1.2.3.4"), List.of("1.1.1.1"), List.of("ex.com"),
                List.of("ndots:2")), spec.naming());
        assertEquals(new ResourceLimits(64L << 20, 0, 500_000_000L, 0, 0, 0, 50), spec.resources());
        assertEquals(new SecurityOptions(List.of("CAP_NET_ADMIN"), List.of("ALL"), true, true), spec.security());
        assertEquals(Map.of("a", "b"), spec.labels());
        assertEquals("none", spec.networkMode());
        assertTrue(spec.mounts().contains(new MountSpec(MountSpec.Type.BIND, "/tmp", "/mnt", true, List.of(),
                MountSpec.Origin.BINDS)));
        assertTrue(spec.mounts().contains(new MountSpec(MountSpec.Type.TMPFS, "", "/run", false, List.of("size=1m"),
                MountSpec.Origin.TMPFS)));
        assertTrue(spec.mounts().stream().anyMatch(m -> m.target().equals("/t") && m.type() == MountSpec.Type.TMPFS));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"PortBindings\": {\"80/sctp\": [{\"HostPort\": \"8080\"}]}} | HostConfig.PortBindings.80/sctp: port protocol \"sctp\": expected tcp or udp",
            "{\"PortBindings\": {\"80-81/tcp\": [{\"HostPort\": \"8080\"}]}} | HostConfig.PortBindings.80-81/tcp: \"80-81/tcp\": expected PORT[/tcp|udp], one port per key",
            "{\"PortBindings\": {\"80/tcp\": [{\"HostPort\": \"8080-8081\"}]}} | HostConfig.PortBindings.80/tcp: HostPort \"8080-8081\": expected a port number",
            "{\"PortBindings\": {\"80/tcp\": [{\"HostPort\": \"70000\"}]}} | HostConfig.PortBindings.80/tcp: HostPort 70000: expected 1 to 65535",
            "{\"PortBindings\": {\"80/tcp\": [{\"HostIp\": \"localhost\", \"HostPort\": \"8080\"}]}} | host address \"localhost\": expected an IPv4 address",
            "{\"PortBindings\": {\"0/tcp\": [{\"HostPort\": \"8080\"}]}} | container port 0: expected 1 to 65535",
            "{\"PidMode\": \"host\"} | HostConfig.PidMode: sharing another PID namespace is not supported",
            "{\"Devices\": [{\"PathOnHost\": \"/dev/fuse\", \"CgroupPermissions\": \"rwx\"}]} | device \"/dev/fuse\": invalid permissions \"rwx\"",
            "{\"ShmSize\": 1024} | HostConfig.ShmSize:",
            "{\"BlkioWeight\": 300} | HostConfig.BlkioWeight: not supported by Holdfast",
            "{\"MemorySwappiness\": 10} | HostConfig.MemorySwappiness: not supported by Holdfast",
            "{\"LogConfig\": {\"Type\": \"syslog\", \"Config\": {}}} | HostConfig.LogConfig: log drivers",
            "{\"SecurityOpt\": [\"seccomp=/etc/profile.json\"]} | HostConfig.SecurityOpt: \"seccomp=/etc/profile.json\": expected seccomp=unconfined, seccomp=builtin or seccomp= followed by the profile's JSON content",
            "{\"SecurityOpt\": [\"apparmor=x\"]} | HostConfig.SecurityOpt: \"apparmor=x\" is not supported",
            "{\"SecurityOpt\": [\"label=disable\"]} | HostConfig.SecurityOpt: \"label=disable\" is not supported",
            "{\"Binds\": [\"data:/data:rshared\"]} | HostConfig.Binds: \"data:/data:rshared\": invalid mode for a volume: rshared",
            "{\"Binds\": [\"/a:/b:nocopy\"]} | HostConfig.Binds: \"/a:/b:nocopy\": invalid mode: nocopy",
            "{\"Mounts\": [{\"Type\": \"volume\", \"Source\": \"v\", \"Target\": \"/v\", \"VolumeOptions\": {\"Subpath\": \"x\"}}]} | HostConfig.Mounts[0].VolumeOptions.Subpath: not supported",
            "{\"Mounts\": [{\"Type\": \"npipe\", \"Source\": \"v\", \"Target\": \"/v\"}]} | HostConfig.Mounts[0].Type: \"npipe\": only bind, tmpfs and volume",
            "{\"Mounts\": [{\"Type\": \"bind\", \"Source\": \"/a\", \"Target\": \"/b\", \"BindOptions\": {\"NonRecursive\": true}}]} | HostConfig.Mounts[0].BindOptions.NonRecursive: not supported",
            "{\"Tmpfs\": {\"/run\": \"size=1m,bogus\"}} | HostConfig.Tmpfs./run: unknown tmpfs option \"bogus\"",
            "{\"Memory\": \"lots\"} | HostConfig.Memory: expected an integer",
            "{\"Memory\": 1024} | minimum memory limit allowed is 6MB",
            "{\"NanoCpus\": 1000000000, \"CpuQuota\": 50000} | Nano CPUs and CPU Period/Quota cannot both be set",
            "{\"CapAdd\": [\"FLY\"]} | CapAdd: unknown capability: \"FLY\"",
            "{\"Ulimits\": [{\"Name\": \"nofile\", \"Soft\": 10, \"Hard\": 5}]} | soft limit 10 must be less than or equal to hard limit 5",
            "{\"ExtraHosts\": [\"db\"]} | extra host \"db\": expected host:ip",
            "{\"Dns\": [\"resolver.example\"]} | DNS server \"resolver.example\": expected an IP address"})
    void unsupportedOrInvalidHostConfigIsRefusedByName(String hostConfig, String expected) throws IOException {
        ObjectNode body = plain();
        ((ObjectNode) body.get("HostConfig")).setAll((ObjectNode) JSON.readTree(hostConfig));
        String message = refusal(body);
        assertTrue(message.contains(expected.strip()), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"ExposedPorts\": {\"eighty/tcp\": {}}} | ExposedPorts.eighty/tcp: \"eighty/tcp\": expected PORT[/tcp|udp]",
            "{\"Volumes\": [\"/data\"]} | Volumes: expected an object",
            "{\"Healthcheck\": {\"Test\": [\"CMD\"]}} | Healthcheck Test [CMD]: CMD needs a command",
            "{\"Healthcheck\": {\"Test\": [\"SHELL\", \"true\"]}} | expected NONE, CMD or CMD-SHELL",
            "{\"Healthcheck\": {\"Test\": [\"CMD\", \"true\"], \"Retries\": -1}} | Retries in Healthcheck cannot be negative",
            "{\"Healthcheck\": {\"Test\": [\"CMD\", \"true\"], \"Interval\": 5}} | Interval in Healthcheck cannot be less than 1ms",
            "{\"MacAddress\": \"02:42:ac:11:00:02\"} | MacAddress: not supported by Holdfast",
            "{\"SomethingNew\": 1} | SomethingNew: not supported by Holdfast",
            "{\"WorkingDir\": \"srv\"} | working directory \"srv\" is invalid: it needs to be an absolute path",
            "{\"NetworkingConfig\": {\"EndpointsConfig\": {\"bridge\": {\"Aliases\": [\"web\"]}}}} | NetworkingConfig.EndpointsConfig.bridge.Aliases: network-scoped alias is supported only",
            "{\"HostConfig\": {\"NetworkMode\": \"backend\"}, \"NetworkingConfig\": {\"EndpointsConfig\": {\"backend\": "
                    + "{\"IPAMConfig\": {\"IPv6Address\": \"fd00::9\"}}}}} | NetworkingConfig.EndpointsConfig.backend.IPAMConfig.IPv6Address: not supported",
            "{\"NetworkingConfig\": {\"EndpointsConfig\": {\"bridge\": {\"IPAMConfig\": {\"IPv4Address\": \"172.30.0.9\"}}}}} | IPv4Address: user specified IP address is supported on user defined networks only",
            "{\"HostConfig\": {\"NetworkMode\": \"backend\"}, \"NetworkingConfig\": {\"EndpointsConfig\": {\"front\": "
                    + "{\"Aliases\": [\"x\"]}}}} | connect it to further networks once it is created"})
    void unsupportedOrInvalidConfigIsRefusedByName(String config, String expected) throws IOException {
        ObjectNode body = plain();
        body.setAll((ObjectNode) JSON.readTree(config));
        String message = refusal(body);
        assertTrue(message.contains(expected.strip()), message);
    }

    @Test
    void volumesAreAskedForInEachOfDockersWays() throws IOException {
        ObjectNode body = plain();
        ((ObjectNode) body.get("HostConfig")).setAll((ObjectNode) JSON.readTree("{\"Binds\": [\"pgdata:/db:ro\","
                + " \"/anon\", \"empty:/empty:nocopy\"], \"Mounts\": [{\"Type\": \"volume\", \"Source\": \"cache\","
                + " \"Target\": \"/cache\", \"VolumeOptions\": {\"DriverConfig\": {\"Name\": \"local\"},"
                + " \"NoCopy\": true}}]}"));
        body.setAll((ObjectNode) JSON.readTree("{\"Volumes\": {\"/db\": {}, \"/image-volume\": {}}}"));
        List<MountSpec> mounts = CreateRequest.translate("v", body).mounts();
        assertEquals(List.of(
                new MountSpec(MountSpec.Type.VOLUME, "", "/db", true, List.of(), MountSpec.Origin.BINDS,
                        new MountSpec.VolumeRef("pgdata", "")),
                new MountSpec(MountSpec.Type.VOLUME, "", "/anon", false, List.of(), MountSpec.Origin.BINDS,
                        new MountSpec.VolumeRef("", "")),
                new MountSpec(MountSpec.Type.VOLUME, "", "/empty", false, List.of(MountSpec.NO_COPY),
                        MountSpec.Origin.BINDS, new MountSpec.VolumeRef("empty", "")),
                new MountSpec(MountSpec.Type.VOLUME, "", "/cache", false, List.of(MountSpec.NO_COPY),
                        MountSpec.Origin.MOUNTS, new MountSpec.VolumeRef("cache", "local")),
                // /db is bound already: Config.Volumes adds only what nothing else mounts
                new MountSpec(MountSpec.Type.VOLUME, "", "/image-volume", false, List.of(), MountSpec.Origin.VOLUMES,
                        new MountSpec.VolumeRef("", ""))), mounts);
    }

    @Test
    void aHealthcheckIsTakenWithItsDurationsInNanoseconds() throws IOException {
        ObjectNode body = plain();
        body.setAll((ObjectNode) JSON.readTree("{\"Healthcheck\": {\"Test\": [\"CMD-SHELL\", \"test -f /ok\"], "
                + "\"Interval\": 2000000000, \"Timeout\": 500000000, \"StartPeriod\": 0, \"Retries\": 2}}"));
        var check = CreateRequest.translate("c", body).healthcheck();
        assertEquals(List.of("/bin/sh", "-c", "test -f /ok"), check.command());
        assertEquals(java.time.Duration.ofSeconds(2), check.interval());
        assertEquals(java.time.Duration.ofMillis(500), check.timeout());
        assertEquals(2, check.retries());
        assertEquals(null, CreateRequest.translate("c", plain()).healthcheck(), "none given: the image's applies");
    }

    @Test
    void networkAliasesOnAUserNetworkReachTheSpec() throws IOException {
        ObjectNode body = plain();
        body.setAll((ObjectNode) JSON.readTree("{\"HostConfig\": {\"NetworkMode\": \"backend\"}, \"NetworkingConfig\": "
                + "{\"EndpointsConfig\": {\"backend\": {\"Aliases\": [\"db\", \"cache\"], \"IPAMConfig\": null, "
                + "\"Links\": null, \"MacAddress\": \"\"}}}}"));
        ContainerSpec spec = CreateRequest.translate(null, body);
        assertEquals(List.of("db", "cache"), spec.naming().networkAliases());
        assertEquals("backend", spec.networkMode());
        assertEquals("", spec.ipv4Address());
    }

    @Test
    void aFixedAddressOnAUserNetworkReachesTheSpec() throws IOException {
        ObjectNode body = plain();
        body.setAll((ObjectNode) JSON.readTree("{\"HostConfig\": {\"NetworkMode\": \"backend\"}, \"NetworkingConfig\": "
                + "{\"EndpointsConfig\": {\"backend\": {\"IPAMConfig\": {\"IPv4Address\": \"10.1.0.9\", "
                + "\"IPv6Address\": \"\", \"LinkLocalIPs\": null}}}}}"));
        assertEquals("10.1.0.9", CreateRequest.translate(null, body).ipv4Address());
    }

    @Test
    void noNewPrivilegesTakesDockersSpellings() throws IOException {
        for (var entry : Map.of("no-new-privileges", true, "no-new-privileges:true", true,
                "no-new-privileges=false", false, "no-new-privileges:false", false).entrySet()) {
            ObjectNode body = plain();
            ((ObjectNode) body.get("HostConfig")).set("SecurityOpt", JSON.createArrayNode().add(entry.getKey()));
            assertEquals(entry.getValue(), CreateRequest.translate(null, body).security().noNewPrivileges(),
                    entry.getKey());
        }
    }

    @Test
    void seccompTakesDockersSpellingsAndKeepsAProfilesText() throws IOException {
        String profile = "{\"defaultAction\":\"SCMP_ACT_ALLOW\"}";
        for (var entry : Map.of("seccomp=unconfined", SecurityOptions.SECCOMP_UNCONFINED,
                "seccomp:unconfined", SecurityOptions.SECCOMP_UNCONFINED,
                "seccomp=builtin", SecurityOptions.SECCOMP_DEFAULT,
                "seccomp=" + profile, profile).entrySet()) {
            ObjectNode body = plain();
            ((ObjectNode) body.get("HostConfig")).set("SecurityOpt", JSON.createArrayNode().add(entry.getKey()));
            assertEquals(entry.getValue(), CreateRequest.translate(null, body).security().seccomp(), entry.getKey());
        }
        assertEquals(SecurityOptions.SECCOMP_DEFAULT, CreateRequest.translate(null, plain()).security().seccomp());
    }

    @Test
    void pidsLimitMinusOneIsUnlimitedAndMountsOfTheApiAreTranslated() throws IOException {
        ObjectNode body = plain();
        ((ObjectNode) body.get("HostConfig")).setAll((ObjectNode) JSON.readTree("""
                {"PidsLimit": -1, "Mounts": [
                  {"Type": "bind", "Source": "/srv", "Target": "/srv", "ReadOnly": true,
                   "BindOptions": {"Propagation": "rslave"}},
                  {"Type": "tmpfs", "Target": "/scratch", "TmpfsOptions": {"SizeBytes": 1048576, "Mode": 448}}]}
                """));
        ContainerSpec spec = CreateRequest.translate(null, body);
        assertEquals(0, spec.resources().pidsLimit());
        assertEquals(List.of(new MountSpec(MountSpec.Type.BIND, "/srv", "/srv", true, List.of("rslave")),
                new MountSpec(MountSpec.Type.TMPFS, "", "/scratch", false, List.of("size=1048576", "mode=700"))),
                spec.mounts());
    }

    @Test
    void portBindingsPublishAllAndExposedPortsBecomeThePortOptions() throws IOException {
        ObjectNode body = plain();
        body.setAll((ObjectNode) JSON.readTree("{\"ExposedPorts\": {\"443/tcp\": {}, \"53/udp\": {}, \"80/tcp\": {}}}"));
        ((ObjectNode) body.get("HostConfig")).setAll((ObjectNode) JSON.readTree("{\"PublishAllPorts\": true, "
                + "\"PortBindings\": {\"80/tcp\": [{\"HostIp\": \"127.0.0.1\", \"HostPort\": \"18080\"}, "
                + "{\"HostIp\": \"\", \"HostPort\": \"\"}], \"53/udp\": [{\"HostPort\": \"5353\"}], "
                + "\"81/tcp\": null}}"));
        var ports = CreateRequest.translate(null, body).ports();
        assertEquals(List.of(new io.holdfast.spi.container.PortBinding("127.0.0.1", 18080, 80, "tcp"),
                new io.holdfast.spi.container.PortBinding("", 0, 80, "tcp"),
                new io.holdfast.spi.container.PortBinding("", 5353, 53, "udp")), ports.bindings());
        assertTrue(ports.publishAll());
        assertEquals(List.of("443/tcp", "53/udp", "80/tcp"), ports.exposed());
        // -P adds only the exposed port without a binding of its own
        assertEquals(new io.holdfast.spi.container.PortBinding("", 0, 443, "tcp"), ports.toPublish().get(3));
        assertEquals(4, ports.toPublish().size());
    }
}
