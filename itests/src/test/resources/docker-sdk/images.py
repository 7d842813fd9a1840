"""images.get(), list, tag, history and removing a tag, through the high-level image objects."""
import sys

import docker
import sdk_check as check

repository = sys.argv[1]
c = check.client()
busybox = c.images.get("busybox")
check.true("Id", busybox.id.startswith("sha256:"), busybox.id)
check.true("busybox:latest among its tags", "busybox:latest" in busybox.tags, busybox.tags)
check.equal("Os", "linux", busybox.attrs["Os"])
check.true("listed", busybox.id in [i.id for i in c.images.list()])

check.equal("tag", True, busybox.tag(repository, "v1"))
check.equal("the tag names the same image", busybox.id, c.images.get(repository + ":v1").id)
history = busybox.history()
check.equal("one history entry: the imported tarball", [busybox.id], [h["Id"] for h in history])

c.images.remove(repository + ":v1")
check.raises("get of the removed tag", docker.errors.ImageNotFound, lambda: c.images.get(repository + ":v1"))
check.true("busybox is still there", "busybox:latest" in c.images.get("busybox").tags)
