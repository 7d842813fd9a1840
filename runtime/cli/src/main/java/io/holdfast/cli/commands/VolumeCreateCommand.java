package io.holdfast.cli.commands;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast volume create [--driver D] [-o KEY=VALUE] [--label K=V] [NAME]}: prints the volume's name. */
@Command(name = "create", description = "Create a volume.")
public final class VolumeCreateCommand extends EngineCommand {

    @Option(names = {"-d", "--driver"}, paramLabel = "DRIVER", description = "Volume driver name (default local).")
    String driver = "local";

    @Option(names = {"-o", "--opt"}, paramLabel = "KEY=VALUE",
            description = "Driver options, e.g. type=tmpfs, device=tmpfs, o=size=64m.")
    List<String> options;

    @Option(names = {"-l", "--label"}, paramLabel = "KEY=VALUE", description = "Set metadata for a volume.")
    List<String> labels;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The volume's name; a random one if none.")
    String name;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", name == null ? "" : name);
        body.put("Driver", driver);
        body.put("DriverOpts", FilterFlags.pairs(options));
        body.put("Labels", FilterFlags.pairs(labels));
        out().println(engine().createVolume(body).get("Name"));
        return 0;
    }
}
