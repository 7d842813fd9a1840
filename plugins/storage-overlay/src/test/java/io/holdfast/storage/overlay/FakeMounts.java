package io.holdfast.storage.overlay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mounts in memory: keeps its own mount table, records every call, can fail a mount or stay busy. */
final class FakeMounts implements Mounts {
    final List<MountTable.Mount> table = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    /** How many more unmount attempts on a mount point report it busy. */
    final Map<Path, Integer> busy = new HashMap<>();
    boolean failMount;
    private int nextId = 100;

    /** Adds a mount as if it had been there before, without recording a call. */
    MountTable.Mount existing(String fsType, Path point, String superOptions) {
        MountTable.Mount m = new MountTable.Mount(nextId++, 1, point, fsType, fsType, superOptions);
        table.add(m);
        return m;
    }

    @Override
    public MountTable table() {
        return new MountTable(table);
    }

    @Override
    public void mountOverlay(Path lower, Path upper, Path work, Path target) throws IOException {
        calls.add("mount " + target + " lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work);
        if (failMount) {
            throw new IOException("mount exited with 32: wrong fs type");
        }
        existing("overlay", target, "rw,lowerdir=" + lower);
    }

    @Override
    public boolean unmount(Path target) {
        calls.add("unmount " + target);
        int left = busy.getOrDefault(target, 0);
        if (left > 0) {
            busy.put(target, left - 1);
            return false;
        }
        removeTop(target);
        return true;
    }

    @Override
    public void detach(Path target) {
        calls.add("detach " + target);
        removeTop(target);
    }

    private void removeTop(Path target) {
        for (int i = table.size() - 1; i >= 0; i--) {
            if (table.get(i).mountPoint().equals(target)) {
                table.remove(i);
                return;
            }
        }
    }
}
