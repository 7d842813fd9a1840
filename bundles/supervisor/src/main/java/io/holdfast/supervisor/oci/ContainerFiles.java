package io.holdfast.supervisor.oci;

/**
 * The files a container gets of its own, bound over the image's: {@code /etc/hosts}, {@code /etc/hostname},
 * {@code /etc/resolv.conf}. Each is a path on the host.
 */
public record ContainerFiles(String hosts, String hostname, String resolvConf) {
}
