#!/usr/bin/env python3
"""A replay of llama.cpp llama-server's HTTP protocol (native and OpenAI-compatible) for k1's tests.

The event bodies are the ones a real llama-server (0.6.0-dev, SmolLM2-135M-Instruct) sent: `text/event-stream`,
`data: {...}` events separated by blank lines, `timings` on the last `/completion` event, `usage` + `timings` in
the last `/v1/chat/completions` chunk before `data: [DONE]`, and nested error bodies
`{"error":{"code":…,"message":…,"type":…}}`.

Binds 127.0.0.1 on a free port and prints the port on stdout. Exits when stdin closes.

The first path segment may name a scenario (the test puts it in the base URL):
  /loading/...      GET /health answers 503 Loading model (and every other route too)
  /oldbuild/...     no /apply-template (404), like builds before it existed
  /slow/...         one event, then nothing for 30 s
  /truncated/...    two events, then the connection is dropped
  /midstream/...    one event, then llama-server's `error: {...}` event
  /dataerror/...    one event, then `data: {"error":{...}}`
  /nodone/...       /v1/chat/completions without the final `data: [DONE]`
  /context/...      400 "the request exceeds the available context size"
  /garbage/...      200 with a body that is not SSE JSON
  /comments/...     SSE comments and CRLF line endings between the events
GET /_last_request returns the last JSON body received.
"""
import json
import os
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL_PATH = "/models/SmolLM2-135M-Instruct.Q4_1.gguf"
PIECES = ["kubectl", " get", " pods", " -n", " kube-system"]

SCENARIOS = {"loading", "oldbuild", "slow", "truncated", "midstream", "dataerror", "nodone", "context", "garbage",
             "comments"}

last_request = {}


def completion_event(i, piece):
    return {"index": 0, "content": piece, "tokens": [504 + i], "stop": False, "id_slot": -1,
            "tokens_predicted": i + 1, "tokens_evaluated": 31}


COMPLETION_FINAL = {
    "index": 0, "content": "", "tokens": [], "id_slot": 3, "stop": True, "model": MODEL_PATH,
    "tokens_predicted": 5, "tokens_evaluated": 31,
    "generation_settings": {"seed": 42, "temperature": 0.0, "top_k": 40, "top_p": 0.949999988079071,
                            "min_p": 0.05000000074505806, "n_predict": 96, "stream": True, "grammar": "",
                            "stop": ["\n"], "samplers": ["penalties", "dry", "top_k", "typ_p", "top_p", "min_p",
                                                         "xtc", "temperature"]},
    "prompt": "", "has_new_line": False, "truncated": False, "stop_type": "word", "stopping_word": "\n",
    "tokens_cached": 36,
    "timings": {"cache_n": 20, "prompt_n": 11, "prompt_ms": 40.692, "prompt_per_token_ms": 3.6992727272727275,
                "prompt_per_second": 270.32340509190993, "predicted_n": 5, "predicted_ms": 49.468,
                "predicted_per_token_ms": 9.8936, "predicted_per_second": 101.07544271043905}}


def chat_chunk(delta, finish=None):
    return {"choices": [{"finish_reason": finish, "index": 0, "delta": delta}], "created": 1795578088,
            "id": "chatcmpl-K1LHmtjkKBt0zxUzQOZKpmYGZ2gLRp07", "model": MODEL_PATH,
            "system_fingerprint": "b0-unknown", "object": "chat.completion.chunk"}


CHAT_USAGE = {"choices": [], "created": 1795578089, "id": "chatcmpl-K1LHmtjkKBt0zxUzQOZKpmYGZ2gLRp07",
              "model": MODEL_PATH, "system_fingerprint": "b0-unknown", "object": "chat.completion.chunk",
              "usage": {"completion_tokens": 5, "prompt_tokens": 32, "total_tokens": 37,
                        "prompt_tokens_details": {"cached_tokens": 20}},
              "timings": {"cache_n": 20, "prompt_n": 12, "prompt_ms": 135.417, "prompt_per_token_ms": 11.28475,
                          "prompt_per_second": 88.61, "predicted_n": 5, "predicted_ms": 95.339,
                          "predicted_per_token_ms": 19.0678, "predicted_per_second": 52.44}}

MODELS = {"models": [{"name": MODEL_PATH, "model": MODEL_PATH, "type": "model", "capabilities": ["completion"]}],
          "object": "list",
          "data": [{"id": MODEL_PATH, "aliases": [MODEL_PATH], "tags": [], "object": "model", "created": 1795578089,
                    "owned_by": "llamacpp",
                    "meta": {"vocab_type": 2, "n_vocab": 49152, "n_ctx": 2048, "n_ctx_train": 8192,
                             "n_embd": 576, "n_params": 134515008, "size": 96576768, "ftype": "Q4_1"}}]}

LOADING = {"error": {"code": 503, "message": "Loading model", "type": "unavailable_error"}}
NOT_FOUND = {"error": {"message": "File Not Found", "type": "not_found_error", "code": 404}}
CONTEXT = {"error": {"code": 400, "message": "the request exceeds the available context size, try increasing it",
                     "type": "exceed_context_size_error"}}
SERVER_ERROR = {"code": 500, "message": "llama_decode failed: out of memory", "type": "server_error"}


def chatml(messages):
    text = "".join("<|im_start|>%s\n%s<|im_end|>\n" % (m.get("role"), m.get("content")) for m in messages)
    return text + "<|im_start|>assistant\n"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "llama.cpp"

    def log_message(self, *args):
        pass

    def split_path(self):
        parts = self.path.split("/", 2)
        if len(parts) > 2 and parts[1] in SCENARIOS:
            return parts[1], "/" + parts[2]
        return None, self.path

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        last_request.clear()
        last_request.update({"path": self.path, "body": body, "authorization": self.headers.get("Authorization")})
        return body

    def send_json(self, status, obj):
        data = json.dumps(obj, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def start_stream(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def event(self, obj, field="data", newline=b"\n"):
        payload = obj if isinstance(obj, str) else json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
        self.chunk(field.encode() + b": " + payload.encode("utf-8") + newline + newline)

    def end_stream(self):
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def drop_connection(self):
        self.wfile.flush()
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def do_GET(self):
        scenario, path = self.split_path()
        if scenario == "loading":
            self.send_json(503, LOADING)
        elif path == "/health":
            self.send_json(200, {"status": "ok"})
        elif path in ("/v1/models", "/models"):
            self.send_json(200, MODELS)
        elif path == "/_last_request":
            self.send_json(200, last_request)
        else:
            self.send_json(404, NOT_FOUND)

    def do_POST(self):
        scenario, path = self.split_path()
        body = self.read_json()
        if scenario == "loading":
            self.send_json(503, LOADING)
        elif scenario == "context" and path in ("/completion", "/v1/chat/completions"):
            self.send_json(400, CONTEXT)
        elif path == "/apply-template":
            if scenario == "oldbuild":
                self.send_json(404, NOT_FOUND)
            else:
                self.send_json(200, {"prompt": chatml(body.get("messages", []))})
        elif path == "/completion":
            self.completion(scenario)
        elif path == "/v1/chat/completions":
            self.chat(scenario)
        else:
            self.send_json(404, NOT_FOUND)

    def common_failures(self, scenario, first):
        """Plays the failure scenarios shared by both endpoints; True when one was played."""
        if scenario == "garbage":
            self.start_stream()
            self.chunk(b"<html><body>Bad gateway</body></html>\n\n")
            self.end_stream()
        elif scenario == "slow":
            self.start_stream()
            self.event(first)
            time.sleep(30)
            self.drop_connection()
        elif scenario == "midstream":
            self.start_stream()
            self.event(first)
            self.event(SERVER_ERROR, field="error")
            self.end_stream()
        elif scenario == "dataerror":
            self.start_stream()
            self.event(first)
            self.event({"error": SERVER_ERROR})
            self.end_stream()
        else:
            return False
        return True

    def completion(self, scenario):
        events = [completion_event(i, p) for i, p in enumerate(PIECES)]
        if self.common_failures(scenario, events[0]):
            return
        self.start_stream()
        if scenario == "truncated":
            for e in events[:2]:
                self.event(e)
            time.sleep(0.05)
            self.drop_connection()
            return
        newline = b"\r\n" if scenario == "comments" else b"\n"
        for e in events + [COMPLETION_FINAL]:
            if scenario == "comments":
                self.chunk(b": keep-alive\r\n")
            self.event(e, newline=newline)
            time.sleep(0.005)
        self.end_stream()

    def chat(self, scenario):
        chunks = [chat_chunk({"role": "assistant", "content": None})]
        chunks += [chat_chunk({"content": p}) for p in PIECES]
        chunks += [chat_chunk({}, finish="stop"), CHAT_USAGE]
        if self.common_failures(scenario, chunks[1]):
            return
        self.start_stream()
        if scenario == "truncated":
            for c in chunks[:3]:
                self.event(c)
            time.sleep(0.05)
            self.drop_connection()
            return
        for c in chunks:
            self.event(c)
            time.sleep(0.005)
        if scenario != "nodone":
            self.event("[DONE]")
        self.end_stream()


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hangs up mid-answer (a cancellation test) is expected, not a failure.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(1024):
            pass
    finally:
        os._exit(0)


def main():
    # A parent that spawned this from a thread with signals blocked passes its mask on: take SIGTERM/SIGINT back.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
