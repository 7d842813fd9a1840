package io.holdfast.supervisor.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.holdfast.spi.container.NamingOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerNameFilesTest {
    private static final String HOST = "nameserver 127.0.0.53\nnameserver 10.0.0.2\nsearch corp.example\noptions edns0\n";

    @Test
    void hostsCarryTheHostnameAndTheExtraHosts() {
        NamingOptions naming = new NamingOptions("web", "example.org", List.of("db:10.1.0.5", "v6:fd00::1"),
                List.of(), List.of(), List.of());
        assertEquals("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "127.0.1.1\tweb.example.org\tweb\n10.1.0.5\tdb\nfd00::1\tv6\n",
                ContainerNameFiles.hosts("web", naming));
    }

    @Test
    void resolvConfIsTheHostsWithoutLoopbackServersOnAPrivateNetwork() {
        assertEquals("nameserver 10.0.0.2\nsearch corp.example\noptions edns0\n",
                ContainerNameFiles.resolvConf(HOST, NamingOptions.DEFAULT, false));
        assertEquals(HOST, ContainerNameFiles.resolvConf(HOST, NamingOptions.DEFAULT, true));
        assertEquals("nameserver 8.8.8.8\nnameserver 8.8.4.4\n",
                ContainerNameFiles.resolvConf("nameserver 127.0.0.1\n", NamingOptions.DEFAULT, false));
    }

    @Test
    void eachDnsSettingReplacesTheHostsOwn() {
        NamingOptions naming = new NamingOptions("", "", List.of(), List.of("1.1.1.1", "9.9.9.9"),
                List.of("a.example", "b.example"), List.of("ndots:2"));
        assertEquals("nameserver 1.1.1.1\nnameserver 9.9.9.9\nsearch a.example b.example\noptions ndots:2\n",
                ContainerNameFiles.resolvConf(HOST, naming, false));
        NamingOptions onlySearch = new NamingOptions("", "", List.of(), List.of(), List.of("."), List.of());
        assertEquals("nameserver 10.0.0.2\noptions edns0\n", ContainerNameFiles.resolvConf(HOST, onlySearch, false));
    }
}
