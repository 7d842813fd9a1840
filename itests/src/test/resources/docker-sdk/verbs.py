"""The remaining container verbs through the SDK: top, stats, pause/unpause, rename, restart, archives both ways,
export and prune."""
import io
import sys
import tarfile

import sdk_check as check

name = sys.argv[1]
c = check.client()
container = c.containers.run("busybox", ["sleep", "1000"], name=name, detach=True)
pid = container.attrs["State"]["Pid"] or c.containers.get(name).attrs["State"]["Pid"]

top = container.top()
check.true("top lists the container's process", any(str(pid) in row for row in top["Processes"]), top)
stats = container.stats(stream=False)
check.true("stats: memory usage", stats["memory_stats"].get("usage", 0) > 0, stats["memory_stats"])
check.equal("stats: pids", 1, stats["pids_stats"]["current"])

container.pause()
container.reload()
check.equal("paused", ("paused", True), (container.status, container.attrs["State"]["Paused"]))
container.unpause()
container.reload()
check.equal("unpaused", "running", container.status)

container.rename(name + "-renamed")
container.reload()
check.equal("renamed", name + "-renamed", container.name)

container.restart(timeout=0)
container.reload()
check.equal("restarted", "running", container.status)
check.true("a new process", container.attrs["State"]["Pid"] not in (0, pid), container.attrs["State"])

archive = io.BytesIO()
with tarfile.open(fileobj=archive, mode="w") as tar:
    content = b"put by the SDK\n"
    entry = tarfile.TarInfo("sdk.txt")
    entry.size = len(content)
    tar.addfile(entry, io.BytesIO(content))
check.equal("put_archive", True, container.put_archive("/tmp", archive.getvalue()))
chunks, stat = container.get_archive("/tmp/sdk.txt")
check.equal("archive stat: name", "sdk.txt", stat["name"])
check.equal("archive stat: size", len(content), stat["size"])
with tarfile.open(fileobj=io.BytesIO(b"".join(chunks))) as tar:
    check.equal("the file came back", content, tar.extractfile("sdk.txt").read())

exported = io.BytesIO(b"".join(container.export()))
with tarfile.open(fileobj=exported) as tar:
    names = {n.lstrip("./") for n in tar.getnames()}
check.true("export has the file and busybox", {"tmp/sdk.txt", "bin/busybox"} <= names, sorted(names)[:20])

stopped = c.containers.create("busybox", "true", name=name + "-stopped")
pruned = c.containers.prune()
check.true("prune removed the stopped container", stopped.id in (pruned["ContainersDeleted"] or []), pruned)
check.true("and not the running one", container.id not in (pruned["ContainersDeleted"] or []), pruned)
container.remove(force=True)
