package io.holdfast.supervisor.oci;

import io.holdfast.spi.container.NamingOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of a container's {@code /etc/hosts}, {@code /etc/hostname} and {@code /etc/resolv.conf}, with
 * Docker's rules: extra hosts are added to the hosts file; the resolver configuration is the host's, with loopback
 * name servers dropped for a container on a network of its own (they would be its own loopback), and with each of
 * name servers, search domains and options replaced when the container asks for its own.
 */
public final class ContainerNameFiles {
    /** Docker's fallback when nothing usable is left (libnetwork's {@code defaultIPv4Dns}). */
    static final List<String> FALLBACK_NAMESERVERS = List.of("8.8.8.8", "8.8.4.4");

    private ContainerNameFiles() {
    }

    public static String hostname(String hostname) {
        return hostname + "\n";
    }

    public static String hosts(String hostname, NamingOptions naming) {
        StringBuilder hosts = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        String names = naming.domainname().isEmpty() ? hostname
                : hostname + "." + naming.domainname() + "\t" + hostname;
        hosts.append("127.0.1.1\t").append(names).append('\n');
        for (String extra : naming.extraHosts()) {
            String[] hostAndAddress = NamingOptions.hostAndAddress(extra);
            hosts.append(hostAndAddress[1]).append('\t').append(hostAndAddress[0]).append('\n');
        }
        return hosts.toString();
    }

    /** @param hostResolvConf the host's {@code /etc/resolv.conf}, empty if it has none */
    public static String resolvConf(String hostResolvConf, NamingOptions naming, boolean hostNetwork) {
        List<String> nameservers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String line : hostResolvConf.split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            List<String> rest = List.of(words).subList(1, words.length);
            switch (words[0]) {
                case "nameserver" -> {
                    if (hostNetwork || !loopback(words[1])) {
                        nameservers.add(words[1]);
                    }
                }
                case "search", "domain" -> {
                    search.clear();
                    search.addAll(rest);
                }
                case "options" -> options.addAll(rest);
                default -> { }
            }
        }
        if (!naming.dns().isEmpty()) {
            nameservers = naming.dns();
        } else if (nameservers.isEmpty() && !hostNetwork) {
            nameservers = FALLBACK_NAMESERVERS;
        }
        if (!naming.dnsSearch().isEmpty()) {
            search = naming.dnsSearch().equals(List.of(".")) ? List.of() : naming.dnsSearch();
        }
        if (!naming.dnsOptions().isEmpty()) {
            options = naming.dnsOptions();
        }
        StringBuilder conf = new StringBuilder();
        nameservers.forEach(server -> conf.append("nameserver ").append(server).append('\n'));
        if (!search.isEmpty()) {
            conf.append("search ").append(String.join(" ", search)).append('\n');
        }
        if (!options.isEmpty()) {
            conf.append("options ").append(String.join(" ", options)).append('\n');
        }
        return conf.toString();
    }

    private static boolean loopback(String address) {
        return address.startsWith("127.") || address.equals("::1");
    }
}
