package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.HealthConfig;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.ProcessOptions;
import io.holdfast.spi.image.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A create request completed with its image's config, by moby's rules ({@code daemon.merge}): the request's command
 * wins, else the image's, unless the request set an entrypoint, which drops the image's command and entrypoint both;
 * the image's environment and labels go under the request's; working directory, user and stop signal come from the
 * image where the request has none. The container records the result, so a later change of the image's tag changes
 * nothing about it.
 */
final class ImageDefaults {
    private ImageDefaults() {
    }

    static ContainerSpec apply(ContainerSpec requested, ImageConfig image) {
        ContainerSpec merged = defaults(requested, image).withHealthcheck(HealthConfig.merge(requested.healthcheck(),
                image.healthcheck()));
        return merged.withMounts(withImageVolumes(merged.mounts(), image.volumes()));
    }

    /**
     * An anonymous volume for each path the image declares ({@code VOLUME}) that no mount of the request takes, as
     * Docker: {@code -v pgdata:/var/lib/postgresql/data} replaces the image's anonymous one there.
     */
    private static List<MountSpec> withImageVolumes(List<MountSpec> requested, List<String> imageVolumes) {
        List<MountSpec> mounts = new ArrayList<>(requested);
        for (String path : imageVolumes) {
            String target = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            if (mounts.stream().noneMatch(m -> m.target().equals(target))) {
                mounts.add(new MountSpec(MountSpec.Type.VOLUME, "", target, false, List.of(),
                        MountSpec.Origin.VOLUMES, new MountSpec.VolumeRef("", "")));
            }
        }
        return mounts;
    }

    private static ContainerSpec defaults(ContainerSpec requested, ImageConfig image) {
        if (image.isEmpty()) {
            return requested;
        }
        ProcessOptions asked = requested.process();
        List<String> entrypoint = asked.entrypoint();
        List<String> cmd = requested.cmd();
        if (entrypoint.isEmpty()) {
            entrypoint = image.entrypoint();
            if (cmd.isEmpty()) {
                cmd = image.cmd();
            }
        }
        ProcessOptions process = new ProcessOptions(entrypoint, or(asked.workingDir(), image.workingDir()),
                or(asked.user(), image.user()), or(asked.stopSignal(), image.stopSignal()), asked.init(),
                asked.ulimits(), asked.tty(), asked.consoleSize());
        Map<String, String> labels = new LinkedHashMap<>(image.labels());
        labels.putAll(requested.labels());
        return new ContainerSpec(requested.name(), requested.image(), cmd, env(image.env(), requested.env()),
                requested.restartPolicy(), requested.autoRemove(), requested.networkMode(), requested.runtime(),
                requested.stopTimeoutSeconds(), process, requested.naming(), requested.mounts(),
                requested.resources(), requested.security(), labels, requested.stdin(), requested.hostAccess(),
                requested.healthcheck(), ports(requested.ports(), image.exposedPorts()));
    }

    /** The image's exposed ports join the request's ({@code -P} publishes both), as Docker merges them. */
    private static io.holdfast.spi.container.PortOptions ports(io.holdfast.spi.container.PortOptions requested,
                                                              List<String> imageExposed) {
        List<String> exposed = new ArrayList<>(imageExposed);
        exposed.addAll(requested.exposed());
        return new io.holdfast.spi.container.PortOptions(requested.bindings(), exposed, requested.publishAll());
    }

    /** The image's entries whose key the request does not set, then the request's. */
    private static List<String> env(List<String> image, List<String> requested) {
        List<String> merged = new ArrayList<>();
        for (String entry : image) {
            String key = entry.split("=", 2)[0];
            if (requested.stream().noneMatch(own -> own.split("=", 2)[0].equals(key))) {
                merged.add(entry);
            }
        }
        merged.addAll(requested);
        return merged;
    }

    private static String or(String own, String fallback) {
        return own.isEmpty() ? fallback : own;
    }
}
