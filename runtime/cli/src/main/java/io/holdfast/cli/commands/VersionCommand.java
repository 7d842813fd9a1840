package io.holdfast.cli.commands;

import io.holdfast.docker.model.SystemVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code holdfast version}: client and daemon versions. */
@Command(name = "version", description = "Show the client and engine version information.")
public final class VersionCommand extends EngineCommand {

    @Override
    public Integer call() throws IOException {
        SystemVersion server = engine().version(); // before printing: a failure stays a single line
        PrintStream out = out();
        out.println("Client:");
        line(out, "Version", clientVersion());
        line(out, "OS/Arch", clientPlatform());
        out.println();
        out.println("Server:");
        line(out, "Version", server.version());
        line(out, "API version", server.apiVersion());
        line(out, "Git commit", server.gitCommit());
        line(out, "Kernel version", server.kernelVersion());
        line(out, "OS/Arch", server.os() + "/" + server.arch());
        return 0;
    }

    private static void line(PrintStream out, String key, String value) {
        out.printf(" %-15s%s%n", key + ":", value);
    }

    /** From the jar manifest's Implementation-Version; "dev" when run from classes. */
    static String clientVersion() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static String clientPlatform() {
        String arch = System.getProperty("os.arch");
        return System.getProperty("os.name").toLowerCase(Locale.ROOT) + "/" + (arch.equals("aarch64") ? "arm64" : arch);
    }

    /** For {@code holdfast --version}. */
    public static final class ClientVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"holdfast version " + clientVersion()};
        }
    }
}
