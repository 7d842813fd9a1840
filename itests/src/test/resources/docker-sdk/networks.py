"""client.networks: create, get, list, connect (with an alias and a fixed address) and disconnect, remove;
containers on a network resolve each other by name and alias, also on a network they were connected to. Phase `before` makes everything, `after` (run once the engine was killed
with SIGKILL and restarted) checks it is all still there, then cleans up."""
import sys

import docker
import sdk_check as check

phase, prefix = sys.argv[1], sys.argv[2]
net_name, web_name, client_name = prefix + "-net", prefix + "-web", prefix + "-client"
c = check.client()

if phase == "before":
    net = c.networks.create(net_name, driver="bridge", labels={"suite": prefix})
    check.equal("name", net_name, net.name)
    check.equal("get by id", net.id, c.networks.get(net.id[:12]).id)
    check.equal("list by name", [net.id], [n.id for n in c.networks.list(names=[net_name])])
    check.equal("list by label", [net.id], [n.id for n in c.networks.list(filters={"label": "suite=" + prefix})])
    check.equal("list by another label", [], c.networks.list(filters={"label": "suite=nobody"}))
    check.raises("a second network of the same name", docker.errors.APIError,
                 lambda: c.networks.create(net_name))
    c.containers.run("busybox", "sleep 1000", name=web_name, network=net_name, detach=True)
    client = c.containers.run("busybox", "sleep 1000", name=client_name, network=net_name, detach=True)
    net.reload()
    check.equal("containers on it", 2, len(net.attrs["Containers"]))
    code, out = client.exec_run("ping -c 1 -W 5 " + web_name)
    check.equal("ping by name: " + out.decode(), 0, code)
    other = c.containers.create("busybox", "sleep 1000", name=prefix + "-other")  # on the default bridge
    network_address, prefix_length = net.attrs["IPAM"]["Config"][0]["Subnet"].split("/")
    head, last = network_address.rsplit(".", 1)
    fixed = head + "." + str(int(last) + (1 << (32 - int(prefix_length))) - 3)  # the subnet's last but one
    net.connect(other, aliases=["sdk-alias"], ipv4_address=fixed)
    other.start()
    other.reload()
    endpoint = other.attrs["NetworkSettings"]["Networks"][net_name]
    check.equal("the fixed address", fixed, endpoint["IPAddress"])
    check.true("its alias", "sdk-alias" in endpoint["Aliases"], str(endpoint))
    check.true("still on the default bridge", "bridge" in other.attrs["NetworkSettings"]["Networks"])
    error = check.raises("connect again", docker.errors.APIError, lambda: net.connect(other))
    check.equal("its status code (Docker's)", 403, error.status_code)
    code, out = client.exec_run("ping -c 1 -W 5 sdk-alias")
    check.equal("ping the connected container by alias: " + out.decode(), 0, code)
else:
    net = c.networks.get(net_name)
    check.equal("label", prefix, net.attrs["Labels"]["suite"])
    client = c.containers.get(client_name)
    check.equal("client's network id", net.id,
                client.attrs["NetworkSettings"]["Networks"][net_name]["NetworkID"])
    code, out = client.exec_run("ping -c 1 -W 5 " + web_name)
    check.equal("ping by name after the restore: " + out.decode(), 0, code)
    code, out = client.exec_run("ping -c 1 -W 5 sdk-alias")
    check.equal("ping the connected container by alias after the restore: " + out.decode(), 0, code)
    other = c.containers.get(prefix + "-other")
    net.disconnect(other, force=True)
    other.reload()
    check.true("disconnected", net_name not in other.attrs["NetworkSettings"]["Networks"])
    code, out = client.exec_run("ping -c 1 -W 2 sdk-alias")
    check.true("its alias is gone: " + out.decode(), code != 0)
    error = check.raises("disconnect again", docker.errors.APIError, lambda: net.disconnect(other))
    check.equal("its status code", 409, error.status_code)
    other.remove(force=True)
    error = check.raises("remove while containers are on it", docker.errors.APIError, net.remove)
    check.equal("its status code", 409, error.status_code)
    for name in (web_name, client_name):
        c.containers.get(name).remove(force=True)
    net.remove()
    check.raises("get after remove", docker.errors.NotFound, lambda: c.networks.get(net_name))
