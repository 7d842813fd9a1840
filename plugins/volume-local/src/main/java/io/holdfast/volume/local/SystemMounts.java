package io.holdfast.volume.local;

import io.holdfast.common.process.Command;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Mounts with util-linux {@code mount} and {@code umount}; reads {@code /proc/self/mountinfo}. */
final class SystemMounts implements Mounts {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    @Override
    public boolean isMountPoint(Path point) throws IOException {
        String wanted = point.toAbsolutePath().normalize().toString();
        for (String line : Files.readString(MOUNTINFO, StandardCharsets.ISO_8859_1).split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 4 && unescape(fields[4]).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void mount(LocalOptions options, Path point) throws IOException {
        List<String> argv = new ArrayList<>(List.of("mount", "-t", options.type()));
        if (!options.options().isEmpty()) {
            argv.addAll(List.of("-o", options.options()));
        }
        argv.add(options.device());
        argv.add(point.toString());
        Command.Result result = Command.run(argv, TIMEOUT);
        if (!result.ok()) {
            throw new IOException("cannot mount " + options.type() + " " + options.device() + " on " + point + ": "
                    + result.describe());
        }
    }

    @Override
    public void unmount(Path point) throws IOException {
        if (!isMountPoint(point)) {
            return;
        }
        Command.Result result = Command.run(List.of("umount", point.toString()), TIMEOUT);
        if (!result.ok()) {
            throw new IOException("cannot unmount " + point + ": " + result.describe());
        }
    }

    /** The kernel's octal escapes in mountinfo paths ({@code \040} is a space), bytes read as UTF-8. */
    static String unescape(String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                bytes.write(Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                bytes.write(c & 0xff);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
