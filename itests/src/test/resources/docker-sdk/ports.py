"""containers.run(ports=...): a published port answers on 127.0.0.1, and container.ports shows the host side."""
import socket
import sys
import time

import sdk_check as check

name, port = sys.argv[1], int(sys.argv[2])
c = check.client()
container = c.containers.run("busybox", ["sh", "-c", "echo hello > /i.html && exec httpd -f -p 80 -h /"],
                             name=name, detach=True, ports={"80/tcp": ("127.0.0.1", port)})
try:
    container.reload()
    check.equal("ports", {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": str(port)}]}, container.ports)
    page = b""
    for _ in range(600):  # until busybox httpd listens in the container; the forwarder listens already
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                s.sendall(b"GET /i.html HTTP/1.0\r\n\r\n")
                page = s.makefile("rb").read()
            if b"hello" in page:
                break
        except OSError:
            pass
        time.sleep(0.1)
    check.equal("page", True, b"hello" in page)
finally:
    container.remove(force=True)
