#!/usr/bin/env python3
"""An OpenAI-compatible chat server whose model answers with terminal control sequences (a window-title change,
clear-screen, BEL), as a remote backend without a grammar can. It stands in for such a backend, which cannot run here.

Usage: hostile_openai_server.py [--log requests.log] [--watch-stdin]

Binds 127.0.0.1 on a free port, prints `PORT <n>`, and answers `POST /v1/chat/completions` (stream: true) the way
OpenAI-compatible servers do: `Content-Type: text/event-stream`, chunked transfer encoding, one
`data: {chat.completion.chunk}` event per piece, slowly enough for a status line to show them, then a chunk with
`finish_reason: "stop"` and `data: [DONE]`.
"""
import argparse, json, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PIECES = ["kubectl get pods", "\u001b]0;pwned\u0007", "\u001b[2J", " -n shop"]


def chunk(delta, finish=None):
    return {"id": "chatcmpl-k1", "object": "chat.completion.chunk", "created": 1733000000, "model": "hostile",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def make_handler(log_path):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send_chunk(self, text):
            data = text.encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        def do_POST(self):
            if log_path:
                with open(log_path, "a") as log:
                    log.write(f"POST {self.path}\n")
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.rstrip("/") != "/v1/chat/completions":
                body = json.dumps({"error": {"message": "not found", "type": "invalid_request_error"}}).encode()
                self.send_response(404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.send_chunk("data: " + json.dumps(chunk({"role": "assistant", "content": ""})) + "\n\n")
            for piece in PIECES:
                time.sleep(0.8)
                self.send_chunk("data: " + json.dumps(chunk({"content": piece})) + "\n\n")
            self.send_chunk("data: " + json.dumps(chunk({}, "stop")) + "\n\n")
            self.send_chunk("data: [DONE]\n\n")
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log")
    parser.add_argument("--watch-stdin", action="store_true", help="exit when standard input closes")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.log))
    server.daemon_threads = True
    if args.watch_stdin:
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
