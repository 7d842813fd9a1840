package io.holdfast.common.docker;

import io.holdfast.docker.model.HostConfig;
import io.holdfast.docker.model.MountPoint;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.SecurityOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's create options as inspect shows them: {@code HostConfig}'s fields and the top-level {@code Mounts}.
 * The spec keeps every mount as one {@link MountSpec} with the field it came from, so binds show under
 * {@code Binds}, tmpfs under {@code Tmpfs} and the rest under {@code Mounts}, each as Docker would.
 */
final class CreateOptionViews {
    private static final String DEFAULT_PROPAGATION = "rprivate";

    private CreateOptionViews() {
    }

    static HostConfig hostConfig(ContainerSpec spec, HostConfig.LogConfig log) {
        ResourceLimits r = spec.resources();
        SecurityOptions s = spec.security();
        List<String> binds = new ArrayList<>();
        List<HostConfig.Mount> mounts = new ArrayList<>();
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (MountSpec m : spec.mounts()) {
            switch (m.origin()) {
                case BINDS -> binds.add(bindText(m));
                case TMPFS -> tmpfs.put(m.target(), String.join(",", withReadOnly(m)));
                case MOUNTS -> mounts.add(apiMount(m));
                case VOLUMES -> { } // Config.Volumes: an anonymous volume, shown only under the top-level Mounts
            }
        }
        return new HostConfig(binds.isEmpty() ? null : binds, log, spec.networkMode(),
                new HostConfig.RestartPolicy(spec.restartPolicy().name(), spec.restartPolicy().maximumRetryCount()),
                spec.autoRemove(), spec.runtime(), mounts.isEmpty() ? null : mounts, tmpfs.isEmpty() ? null : tmpfs,
                s.readonlyRootfs(), nullIfEmpty(s.capAdd()), nullIfEmpty(s.capDrop()), spec.hostAccess().privileged(),
                securityOpt(s), r.memory(), r.memorySwap(), r.nanoCpus(),
                r.cpuShares(), r.cpuQuota(), r.cpuPeriod(), r.pidsLimit() == 0 ? null : r.pidsLimit(),
                spec.process().ulimits().isEmpty() ? null : spec.process().ulimits().stream()
                        .map(u -> new HostConfig.Ulimit(u.name(), u.soft(), u.hard())).toList(),
                spec.process().init() ? Boolean.TRUE : null, nullIfEmpty(spec.naming().extraHosts()),
                spec.naming().dns(), spec.naming().dnsSearch(), spec.naming().dnsOptions(),
                spec.hostAccess().devices().stream().map(d -> new HostConfig.DeviceMapping(d.pathOnHost(),
                        d.pathInContainer(), d.permissions())).toList(),
                PortViews.requested(spec.ports()), spec.ports().publishAll());
    }

    /** Docker's {@code SecurityOpt} as a create sent it; {@code null} (no options) when every one is the default. */
    static List<String> securityOpt(SecurityOptions s) {
        List<String> options = new ArrayList<>();
        if (s.noNewPrivileges()) {
            options.add("no-new-privileges");
        }
        if (!s.seccomp().equals(SecurityOptions.SECCOMP_DEFAULT)) {
            options.add("seccomp=" + s.seccomp());
        }
        return options.isEmpty() ? null : options;
    }

    /** Docker's top-level {@code Mounts}: what is mounted where, however it was asked for. */
    static List<MountPoint> mountPoints(ContainerSpec spec) {
        List<MountPoint> points = new ArrayList<>();
        for (MountSpec m : spec.mounts()) {
            if (m.type() == MountSpec.Type.VOLUME) {
                points.add(new MountPoint("volume", m.source(), m.target(), m.origin() == MountSpec.Origin.BINDS
                        ? String.join(",", modes(m)) : "", !m.readOnly(), "", m.volume().name(),
                        m.volume().driver()));
                continue;
            }
            boolean bind = m.type() == MountSpec.Type.BIND;
            String mode = m.origin() == MountSpec.Origin.BINDS ? String.join(",", modes(m)) : "";
            points.add(new MountPoint(bind ? "bind" : "tmpfs", m.source(), m.target(), mode, !m.readOnly(),
                    bind ? propagation(m) : ""));
        }
        return points;
    }

    private static String bindText(MountSpec m) {
        List<String> modes = modes(m);
        return (m.type() == MountSpec.Type.VOLUME ? m.volume().name() : m.source()) + ":" + m.target() + (modes.isEmpty() ? "" : ":" + String.join(",", modes));
    }

    private static List<String> modes(MountSpec m) {
        List<String> modes = new ArrayList<>();
        if (m.readOnly()) {
            modes.add("ro");
        }
        modes.addAll(m.options());
        return modes;
    }

    private static List<String> withReadOnly(MountSpec m) {
        List<String> options = new ArrayList<>(m.options());
        if (m.readOnly()) {
            options.add("ro");
        }
        return options;
    }

    private static HostConfig.Mount apiMount(MountSpec m) {
        if (m.type() == MountSpec.Type.VOLUME) {
            return new HostConfig.Mount("volume", m.volume().name(), m.target(), m.readOnly(), null, null);
        }
        if (m.type() == MountSpec.Type.BIND) {
            String propagation = m.options().isEmpty() ? null : m.options().get(0);
            return new HostConfig.Mount("bind", m.source(), m.target(), m.readOnly(),
                    propagation == null ? null : new HostConfig.BindOptions(propagation), null);
        }
        long size = 0;
        long mode = 0;
        for (String option : m.options()) {
            if (option.startsWith("size=")) {
                size = Long.parseLong(option.substring(5));
            } else if (option.startsWith("mode=")) {
                mode = Long.parseLong(option.substring(5), 8);
            }
        }
        return new HostConfig.Mount("tmpfs", "", m.target(), m.readOnly(), null,
                size == 0 && mode == 0 ? null : new HostConfig.TmpfsOptions(size, mode));
    }

    private static String propagation(MountSpec m) {
        return m.options().stream().filter(o -> o.endsWith("private") || o.endsWith("shared") || o.endsWith("slave"))
                .findFirst().orElse(DEFAULT_PROPAGATION);
    }

    private static List<String> nullIfEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }
}
