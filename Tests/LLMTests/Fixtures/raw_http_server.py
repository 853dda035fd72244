#!/usr/bin/env python3
"""A raw-socket HTTP/1.1 server for k1's LoopbackHTTPClient tests: every answer is written byte for byte as the
scenario says (pieces, delays, broken framing), which http.server cannot do.

Binds 127.0.0.1 on a free port (and ::1 on the same port when it can) and prints the port on stdout. Exits when
stdin closes (the test process ended).

Paths (the query gives parameters):
  /echo               200 JSON of the request: method, target, headers ([name, value] pairs), body
  /sse?n=N&delay=S    chunked SSE: N events `data: {"i":k}`, one chunk each, S seconds apart, then the last chunk
  /gated              chunked: one event, then waits (at most 60 s) for GET /release, then a second event and the end
  /release            200 "released"
  /length             Content-Length body written in three pieces
  /close              body with neither length nor chunking, ended by closing the connection
  /big?size=N&chunked=1  N bytes of a repeating pattern, by Content-Length or in 7000-byte chunks
  /extensions         chunks with extensions, then trailer fields
  /continue           100 Continue, then 200 with a Content-Length body
  /status/CODE        CODE with the JSON error body {"error":{"code":CODE,"message":"boom CODE","type":"server_error"}}
  /chunked-error      500 with that JSON body, chunked
  /redirect           302 to http://203.0.113.7:8080/elsewhere
  /truncated          chunked: two events, then the connection closes without the last chunk
  /short              Content-Length 100 but 10 bytes, then the connection closes
  /headonly           a 200 chunked head, then the connection closes
  /nothing            reads the request and closes without answering
  /garbage            answers with something that is not HTTP
  /silent             says nothing until the client hangs up (hang-ups are counted)
  /bench?n=N&delay=S&wait=W   W seconds of silence (prompt evaluation), then N SSE events S seconds apart
  /_stats             {"silent_open": requests seen on /silent, "silent_closed": hang-ups seen on /silent,
                       "gate_timed_out": /gated streams that ended without a /release, "ipv6": whether ::1 is bound too}
"""
import json
import os
import signal
import socket
import sys
import threading
import time
from urllib.parse import parse_qs, urlsplit

lock = threading.Lock()
stats = {"silent_open": 0, "silent_closed": 0, "gate_timed_out": 0, "ipv6": False}
released = threading.Event()


def read_request(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        piece = conn.recv(65536)
        if not piece:
            return None
        data += piece
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    headers = [line.split(":", 1) for line in lines[1:]]
    headers = [[name, value.strip()] for name, value in headers]
    length = next((int(v) for n, v in headers if n.lower() == "content-length"), 0)
    while len(body) < length:
        piece = conn.recv(65536)
        if not piece:
            break
        body += piece
    return method, target, headers, body


def head(status, reason, fields):
    lines = ["HTTP/1.1 %d %s" % (status, reason)] + ["%s: %s" % f for f in fields]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def chunk(data, extension=b""):
    return b"%x%s\r\n%s\r\n" % (len(data), extension, data)


def event(i):
    return b'data: {"i":%d}\n\n' % i


def error_body(code):
    return json.dumps({"error": {"code": code, "message": "boom %d" % code, "type": "server_error"}}).encode()


def send_json(conn, status, reason, obj):
    data = json.dumps(obj).encode()
    conn.sendall(head(status, reason, [("Content-Type", "application/json"), ("Content-Length", len(data))]) + data)


def pattern(size):
    block = bytes(range(256))
    return (block * (size // 256 + 1))[:size]


def handle(conn):
    request = read_request(conn)
    if request is None:
        return
    method, target, headers, body = request
    parts = urlsplit(target)
    path = parts.path
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    sse = [("Content-Type", "text/event-stream"), ("Transfer-Encoding", "chunked")]
    if path == "/echo":
        send_json(conn, 200, "OK", {"method": method, "target": target, "headers": headers,
                                    "body": body.decode("utf-8", "replace")})
    elif path in ("/sse", "/bench"):
        count = int(query.get("n", "5"))
        delay = float(query.get("delay", "0"))
        time.sleep(float(query.get("wait", "0")))
        conn.sendall(head(200, "OK", sse))
        for i in range(count):
            conn.sendall(chunk(event(i)))
            if delay:
                time.sleep(delay)
        conn.sendall(b"0\r\n\r\n")
    elif path == "/gated":
        released.clear()
        conn.sendall(head(200, "OK", sse) + chunk(event(1)))
        if not released.wait(60):
            with lock:
                stats["gate_timed_out"] += 1
        conn.sendall(chunk(event(2)) + b"0\r\n\r\n")
    elif path == "/release":
        released.set()
        conn.sendall(head(200, "OK", [("Content-Length", 8)]) + b"released")
    elif path == "/length":
        data = b"hello, content-length world"
        conn.sendall(head(200, "OK", [("Content-Length", len(data))]))
        for piece in (data[:5], data[5:12], data[12:]):
            time.sleep(0.02)
            conn.sendall(piece)
    elif path == "/close":
        conn.sendall(head(200, "OK", [("Content-Type", "text/plain")]) + b"until ")
        time.sleep(0.02)
        conn.sendall(b"the end")
    elif path == "/big":
        data = pattern(int(query.get("size", "1000000")))
        if query.get("chunked") == "1":
            conn.sendall(head(200, "OK", [("Transfer-Encoding", "chunked")]))
            for i in range(0, len(data), 7000):
                conn.sendall(chunk(data[i:i + 7000]))
            conn.sendall(b"0\r\n\r\n")
        else:
            conn.sendall(head(200, "OK", [("Content-Length", len(data))]) + data)
    elif path == "/extensions":
        conn.sendall(head(200, "OK", [("Transfer-Encoding", "chunked"), ("Trailer", "X-Checksum")]))
        conn.sendall(chunk(b"alpha ", b";name=value") + chunk(b"beta", b' ; quoted="a;b"'))
        conn.sendall(b"0;final\r\nX-Checksum: 1234\r\nX-Other: yes\r\n\r\n")
    elif path == "/continue":
        conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        time.sleep(0.02)
        conn.sendall(head(200, "OK", [("Content-Length", 5)]) + b"after")
    elif path.startswith("/status/"):
        code = int(path.split("/")[2])
        data = error_body(code)
        conn.sendall(head(code, "Error", [("Content-Type", "application/json"), ("Content-Length", len(data))]) + data)
    elif path == "/chunked-error":
        data = error_body(500)
        conn.sendall(head(500, "Internal Server Error", [("Transfer-Encoding", "chunked")]))
        conn.sendall(chunk(data[:10]) + chunk(data[10:]) + b"0\r\n\r\n")
    elif path == "/redirect":
        conn.sendall(head(302, "Found", [("Location", "http://203.0.113.7:8080/elsewhere"), ("Content-Length", 0)]))
    elif path == "/truncated":
        conn.sendall(head(200, "OK", sse) + chunk(event(1)) + chunk(event(2)))
        time.sleep(0.05)
    elif path == "/short":
        conn.sendall(head(200, "OK", [("Content-Length", 100)]) + b"0123456789")
        time.sleep(0.05)
    elif path == "/headonly":
        conn.sendall(head(200, "OK", sse))
        time.sleep(0.05)
    elif path == "/nothing":
        pass
    elif path == "/garbage":
        conn.sendall(b"HELLO THERE\r\n\r\n")
    elif path == "/silent":
        with lock:
            stats["silent_open"] += 1
        try:
            while conn.recv(1024):
                pass
        except OSError:
            pass
        with lock:
            stats["silent_closed"] += 1
    elif path == "/_stats":
        with lock:
            send_json(conn, 200, "OK", dict(stats))
    else:
        send_json(conn, 404, "Not Found", {"error": {"code": 404, "message": "File Not Found"}})


def serve(conn):
    try:
        handle(conn)
    except OSError:
        pass  # the client hung up (cancellation tests)
    finally:
        try:
            conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        conn.close()


def accept_loop(listener):
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


def exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(1024):
            pass
    finally:
        os._exit(0)


def main():
    # A parent that spawned this from a thread with signals blocked passes its mask on: take SIGTERM/SIGINT back.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    try:
        listener6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        listener6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        listener6.bind(("::1", port))
        listener6.listen(64)
        threading.Thread(target=accept_loop, args=(listener6,), daemon=True).start()
        stats["ipv6"] = True
    except OSError:
        pass
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print(port, flush=True)
    accept_loop(listener)


if __name__ == "__main__":
    main()
