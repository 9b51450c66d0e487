"""Starts Apertium APy bound to 127.0.0.1 only (APy 0.11 has no bind option and listens on
every interface): tornado's bind and listen default their address to loopback, then APy's
own main() runs with the arguments given. Run with Debian's /usr/bin/python3, which has
tornado and apertium_apy."""
import sys

import tornado.tcpserver

_bind = tornado.tcpserver.TCPServer.bind
_listen = tornado.tcpserver.TCPServer.listen


def bind(self, port, address=None, *args, **kwargs):
    return _bind(self, port, address or "127.0.0.1", *args, **kwargs)


def listen(self, port, address=None, *args, **kwargs):
    return _listen(self, port, address or "127.0.0.1", *args, **kwargs)


tornado.tcpserver.TCPServer.bind = bind
tornado.tcpserver.TCPServer.listen = listen

from apertium_apy import apy  # noqa: E402

sys.argv = ["apertium-apy"] + sys.argv[1:]
apy.main()
