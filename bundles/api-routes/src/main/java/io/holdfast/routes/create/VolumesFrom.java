package io.holdfast.routes.create;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.MountSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Docker's {@code HostConfig.VolumesFrom} ({@code --volumes-from web[:ro|rw]}): the new container gets the volumes
 * and binds of each named container at the same paths (its tmpfs mounts are its own), read-only with {@code :ro},
 * read-write with {@code :rw}, else as the other container has them. A path the new container mounts itself keeps
 * its own mount. The copies are recorded as the container's own mounts, so they stay when the other is removed.
 *
 * <pre>{@code ContainerSpec spec = VolumesFrom.apply(CreateRequest.translate(name, body), body, containers);}</pre>
 */
public final class VolumesFrom {
    private VolumesFrom() {
    }

    public static ContainerSpec apply(ContainerSpec spec, JsonNode body, Containers containers) {
        JsonFields host = new JsonFields(body, "").object("HostConfig");
        List<String> sources = host.strings("VolumesFrom");
        if (sources.isEmpty()) {
            return spec;
        }
        List<MountSpec> mounts = new ArrayList<>(spec.mounts());
        Set<String> taken = new HashSet<>();
        mounts.forEach(m -> taken.add(m.target()));
        for (String entry : sources) {
            String[] parts = entry.split(":", -1);
            if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && !parts[1].equals("ro")
                    && !parts[1].equals("rw"))) {
                throw JsonFields.refused(host.path("VolumesFrom"), "\"" + entry + "\": expected CONTAINER[:ro|rw]");
            }
            ContainerRecord from = containers.get(parts[0]);
            for (MountSpec m : from.spec().mounts()) {
                if (m.type() == MountSpec.Type.TMPFS || !taken.add(m.target())) {
                    continue;
                }
                boolean readOnly = parts.length == 2 ? parts[1].equals("ro") : m.readOnly();
                mounts.add(new MountSpec(m.type(), m.source(), m.target(), readOnly, m.options(),
                        MountSpec.Origin.VOLUMES, m.volume()));
            }
        }
        return spec.withMounts(mounts);
    }
}
