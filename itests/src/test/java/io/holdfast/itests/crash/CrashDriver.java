package io.holdfast.itests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.itests.crash.CrashJournal.Kind;
import io.holdfast.itests.support.Api;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives one engine through the API with a seeded mix of operations (create, start, stop, rm, {@code --rm} runs,
 * policy restarts, image imports, reloads) until it is stopped or the engine dies under it. The choices are
 * repeatable from the seed; where the kill lands among them is not, as real processes decide how long each takes.
 */
final class CrashDriver implements Runnable {
    /** Containers kept at most, so that rm gets chosen and each check stays quick. */
    private static final int MAX_CONTAINERS = 10;

    private final Api api;
    private final Random random;
    private final CrashJournal journal;
    private final byte[] imageTar;
    private final String prefix;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger operations = new AtomicInteger();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile String lastOperation = "";

    CrashDriver(Api api, long seed, CrashJournal journal, byte[] imageTar, String prefix) {
        this.api = api;
        this.random = new Random(seed);
        this.journal = journal;
        this.imageTar = imageTar;
        this.prefix = prefix;
    }

    void stop() {
        stopped.set(true);
    }

    int operations() {
        return operations.get();
    }

    String lastOperation() {
        return lastOperation;
    }

    @Override
    public void run() {
        while (!stopped.get()) {
            try {
                step();
                operations.incrementAndGet();
            } catch (IOException | RuntimeException engineGone) {
                return; // killed under the request: its effect is the restore's to sort out
            }
        }
    }

    private void step() throws IOException {
        List<String> existing = existing();
        int roll = random.nextInt(100);
        if (existing.size() >= MAX_CONTAINERS) {
            roll = 60; // make room
        }
        if (roll < 20) {
            run(Kind.LONG, Map.of(), List.of("sleep", "100000"));
        } else if (roll < 28) {
            create(Kind.CREATED, Map.of(), List.of("true"));
        } else if (roll < 40) {
            run(Kind.AUTO_REMOVE, Map.of("AutoRemove", true), List.of("sh", "-c", "exit 0"));
        } else if (roll < 48) {
            run(Kind.POLICY, Map.of("RestartPolicy", Map.of("Name", "on-failure", "MaximumRetryCount", 2)),
                    List.of("sh", "-c", "exit 3"));
        } else if (roll < 56 && !existing.isEmpty()) {
            call("POST", "/containers/" + pick(existing) + "/stop?t=1");
        } else if (roll < 60 && !existing.isEmpty()) {
            call("POST", "/containers/" + pick(existing) + "/start");
        } else if (roll < 80 && !existing.isEmpty()) {
            String id = pick(existing);
            journal.removalAsked.add(id);
            call("DELETE", "/containers/" + id + "?force=1");
        } else if (roll < 90) {
            String tag = prefix + "-" + counter.incrementAndGet();
            lastOperation = "import crash-image:" + tag;
            Api.Response r = api.request("POST", "/images/create?fromSrc=-&repo=crash-image&tag=" + tag, imageTar);
            if (r.status() == 200) {
                journal.imported.add("crash-image:" + tag);
            }
        } else {
            call("POST", "/system/reload");
        }
    }

    private List<String> existing() throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : api.request("GET", "/containers/json?all=1").json()) {
            ids.add(c.path("Id").asText());
            journal.seen.add(c.path("Id").asText());
        }
        ids.sort(String::compareTo); // the choice depends on the seed, not on the listing's order
        return ids;
    }

    private String pick(List<String> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private void run(Kind kind, Map<String, Object> hostConfig, List<String> cmd) throws IOException {
        String id = create(kind, hostConfig, cmd);
        if (id != null) {
            call("POST", "/containers/" + id + "/start");
        }
    }

    private String create(Kind kind, Map<String, Object> hostConfig, List<String> cmd) throws IOException {
        String name = prefix + "-" + counter.incrementAndGet();
        lastOperation = "create " + kind + " " + name;
        Api.Response r = api.post("/containers/create?name=" + name, Map.of("Image", "busybox", "Cmd", cmd,
                "HostConfig", hostConfig));
        if (r.status() != 201) {
            return null;
        }
        String id = r.json().path("Id").asText();
        journal.created.put(id, kind);
        journal.seen.add(id);
        return id;
    }

    private void call(String method, String path) throws IOException {
        lastOperation = method + " " + path;
        api.request(method, path);
    }
}
