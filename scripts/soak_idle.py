#!/usr/bin/env python3
"""Idle keep-alive clients for scripts/soak.sh: opens COUNT connections, makes one request on each,
then holds them all open, reading nothing more, for HOLD seconds. Prints how many were answered,
then, at the end, how many the server had closed meanwhile.

usage: soak_idle.py PORT COUNT HOLD"""
import socket
import sys
import time

port, count, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
held = []
for _ in range(count):
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
    if sock.recv(65536).startswith(b"HTTP/1.1 200"):
        held.append(sock)
print(f"answered={len(held)}", flush=True)
time.sleep(hold)
closed = 0
for sock in held:
    sock.settimeout(0.1)
    try:
        closed += sock.recv(65536) == b""
    except OSError:
        pass
print(f"closed_by_server={closed}", flush=True)
