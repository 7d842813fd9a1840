package io.holdfast.spi.container;

import java.util.List;

/**
 * How the container names itself and others: Docker's {@code Hostname}, {@code Domainname},
 * {@code HostConfig.ExtraHosts}, {@code Dns}, {@code DnsSearch} and {@code DnsOptions}. They end up in the UTS
 * namespace and in the container's own {@code /etc/hostname}, {@code /etc/hosts} and {@code /etc/resolv.conf}.
 *
 * <pre>{@code new NamingOptions("web", "example.org", List.of("db:10.1.0.5"), List.of("10.1.0.1"), List.of(), List.of())}</pre>
 *
 * @param hostname   the host name; empty: the first 12 characters of the container id
 * @param domainname the NIS domain name; empty: none
 * @param extraHosts {@code name:address} lines added to {@code /etc/hosts}
 * @param dns        name server addresses; empty: the host's (minus loopback ones on a network of its own)
 * @param dnsSearch  search domains; empty: the host's
 * @param dnsOptions resolver options such as {@code ndots:2}; empty: the host's
 * @param networkAliases further names the container has on its user-defined network ({@code --network-alias});
 *                   the other containers of that network find it by them, as by its name
 */
public record NamingOptions(String hostname, String domainname, List<String> extraHosts, List<String> dns,
                            List<String> dnsSearch, List<String> dnsOptions, List<String> networkAliases) {
    public static final NamingOptions DEFAULT = new NamingOptions("", "", List.of(), List.of(), List.of(), List.of());

    /** Without network aliases. */
    public NamingOptions(String hostname, String domainname, List<String> extraHosts, List<String> dns,
                         List<String> dnsSearch, List<String> dnsOptions) {
        this(hostname, domainname, extraHosts, dns, dnsSearch, dnsOptions, List.of());
    }

    public NamingOptions {
        hostname = hostname == null ? "" : hostname;
        domainname = domainname == null ? "" : domainname;
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        dns = dns == null ? List.of() : List.copyOf(dns);
        dnsSearch = dnsSearch == null ? List.of() : List.copyOf(dnsSearch);
        dnsOptions = dnsOptions == null ? List.of() : List.copyOf(dnsOptions);
        networkAliases = networkAliases == null ? List.of() : List.copyOf(networkAliases);
        for (String alias : networkAliases) {
            if (!alias.matches("[A-Za-z0-9]([A-Za-z0-9_.-]{0,62})")) {
                throw new IllegalArgumentException("network alias \"" + alias + "\": expected letters, digits, "
                        + "'_', '.' and '-', starting with a letter or digit, at most 63 characters");
            }
        }
        if (!hostname.isEmpty() && !hostname.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,62})")) {
            throw new IllegalArgumentException("hostname \"" + hostname + "\": expected letters, digits, '.' and '-',"
                    + " at most 63 characters");
        }
        if (!domainname.isEmpty() && !domainname.matches("[A-Za-z0-9.-]{1,255}")) {
            throw new IllegalArgumentException("domainname \"" + domainname + "\": expected letters, digits, '.' and '-'");
        }
        for (String entry : extraHosts) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || !IpLiteral.valid(entry.substring(colon + 1))) {
                throw new IllegalArgumentException("extra host \"" + entry + "\": expected host:ip with an IP address");
            }
        }
        for (String server : dns) {
            if (!IpLiteral.valid(server)) {
                throw new IllegalArgumentException("DNS server \"" + server + "\": expected an IP address");
            }
        }
        for (String value : concat(dnsSearch, dnsOptions)) {
            if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("DNS search domain or option \"" + value + "\": must be one word");
            }
        }
    }

    /** The extra host's name and address, split at the first colon (the address may be IPv6). */
    public static String[] hostAndAddress(String extraHost) {
        int colon = extraHost.indexOf(':');
        return new String[] {extraHost.substring(0, colon), extraHost.substring(colon + 1)};
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
