"""containers.run with hardening options (user, cap_drop, read_only, working_dir, labels): checked from inside the
container, and in inspect."""
import sys

import sdk_check as check

name = sys.argv[1]
c = check.client()
out = c.containers.run("busybox", ["sh", "-c", "id -u; id -g; pwd; grep CapEff /proc/self/status; "
                                              "touch /probe 2>&1; echo touch=$?"],
                       name=name, user="1000:1000", cap_drop=["ALL"], read_only=True, working_dir="/tmp",
                       labels={"purpose": "hardening"})
check.equal("inside the container",
            ["1000", "1000", "/tmp", "CapEff:\t0000000000000000", "touch: /probe: Read-only file system", "touch=1"],
            out.decode().splitlines())
container = c.containers.get(name)
check.equal("Config.User", "1000:1000", container.attrs["Config"]["User"])
check.equal("HostConfig.CapDrop", ["ALL"], container.attrs["HostConfig"]["CapDrop"])
check.equal("HostConfig.ReadonlyRootfs", True, container.attrs["HostConfig"]["ReadonlyRootfs"])
check.equal("labels", {"purpose": "hardening"}, container.labels)
check.equal("listed by label", [name], [x.name for x in c.containers.list(all=True,
                                                                             filters={"label": "purpose=hardening"})])
container.remove()
