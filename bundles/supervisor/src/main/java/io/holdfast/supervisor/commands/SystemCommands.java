package io.holdfast.supervisor.commands;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.image.Images;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Gogo commands about the engine itself, in scope {@code holdfast}: {@code info}, {@code version}. */
@Component(service = SystemCommands.class, property = {"osgi.command.scope=holdfast",
        "osgi.command.function=info", "osgi.command.function=version"})
public class SystemCommands {
    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;
    @Reference
    private Containers containers;
    @Reference
    private Images images;
    private String version;

    @Activate
    void activate(BundleContext context) {
        version = context.getBundle().getVersion().toString();
    }

    @Descriptor("the engine's configuration and container counts")
    public List<String> info() {
        List<ContainerRecord> all = containers.list();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("Live Restore Enabled", config.liveRestore());
        info.put("Storage Driver", config.storageDriver());
        info.put("Default Runtime", config.defaultRuntime());
        info.put("Data Root", config.dataRoot());
        info.put("Containers", all.size());
        info.put("Running", all.stream().filter(c -> c.state().running()).count());
        info.put("Images", images.list().size());
        return info.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    @Descriptor("the engine's version")
    public String version() {
        return version;
    }
}
