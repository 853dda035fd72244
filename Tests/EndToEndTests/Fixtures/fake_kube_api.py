#!/usr/bin/env python3
"""A tiny stand-in for the Kubernetes API server, enough for the real kubectl to print real output.

Usage: fake_kube_api.py --data cluster.json [--log requests.log] [--watch-stdin] [--dry-run-delay SECONDS]

Binds 127.0.0.1 on a free port, prints `PORT <n>` on stdout, then serves until killed (or, with --watch-stdin,
until its standard input closes, so it never outlives the test that started it). Every request is appended to
the --log file as `METHOD /path?query`, followed by ` dryRun=All` for a DELETE whose body asks for a dry run.

Answers discovery (/version, /api, /apis, /api/v1, /apis/apps/v1), then lists, gets and deletes of the resources in
the data file. A list or get whose Accept asks for `as=Table` gets a meta.k8s.io/v1 Table (wide columns have
priority 1), otherwise plain JSON objects (for -o name/json/yaml). `labelSelector` (k=v, k!=v, k) and
`fieldSelector` (metadata.name, metadata.namespace, status.phase; `=` and `!=`) filter lists; any other field
selector is rejected with a 400 BadRequest, as the real server does. Unknown paths and objects get a Status 404.

Writes answer as the real API server does: DELETE of a pod returns the Pod (with deletionTimestamp), of other types
a Status Success; PATCH (merge or strategic merge) returns the patched object, on `/scale` an autoscaling/v1 Scale;
POST returns the created object with 201 (409 AlreadyExists for a taken name). With `dryRun=All` in the query the
same answer comes back and nothing changes (a DELETE says `dryRun` in its DeleteOptions body).
"""
import argparse, json, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

STAMP = "2025-01-01T00:00:00Z"
# resource: (group/version, kind, namespaced, short names, [(column, type, key, priority)])
RESOURCES = {
    "pods": ("v1", "Pod", True, ["po"], [
        ("Name", "string", "name", 0), ("Ready", "string", "ready", 0), ("Status", "string", "status", 0),
        ("Restarts", "string", "restarts", 0), ("Age", "string", "age", 0), ("IP", "string", "ip", 1),
        ("Node", "string", "node", 1)]),
    "services": ("v1", "Service", True, ["svc"], [
        ("Name", "string", "name", 0), ("Type", "string", "type", 0), ("Cluster-IP", "string", "clusterIP", 0),
        ("External-IP", "string", "externalIP", 0), ("Port(s)", "string", "ports", 0), ("Age", "string", "age", 0),
        ("Selector", "string", "selector", 1)]),
    "namespaces": ("v1", "Namespace", False, ["ns"], [
        ("Name", "string", "name", 0), ("Status", "string", "status", 0), ("Age", "string", "age", 0)]),
    "nodes": ("v1", "Node", False, ["no"], [
        ("Name", "string", "name", 0), ("Status", "string", "status", 0), ("Roles", "string", "roles", 0),
        ("Age", "string", "age", 0), ("Version", "string", "version", 0), ("Internal-IP", "string", "internalIP", 1),
        ("OS-Image", "string", "osImage", 1)]),
    "configmaps": ("v1", "ConfigMap", True, ["cm"], [("Name", "string", "name", 0), ("Age", "string", "age", 0)]),
    "events": ("v1", "Event", True, ["ev"], [("Name", "string", "name", 0), ("Age", "string", "age", 0)]),
    "deployments": ("apps/v1", "Deployment", True, ["deploy"], [
        ("Name", "string", "name", 0), ("Ready", "string", "ready", 0), ("Up-to-date", "integer", "upToDate", 0),
        ("Available", "integer", "available", 0), ("Age", "string", "age", 0),
        ("Containers", "string", "containers", 1), ("Images", "string", "images", 1),
        ("Selector", "string", "selector", 1)]),
    "replicasets": ("apps/v1", "ReplicaSet", True, ["rs"], [("Name", "string", "name", 0), ("Age", "string", "age", 0)]),
    "statefulsets": ("apps/v1", "StatefulSet", True, ["sts"], [("Name", "string", "name", 0), ("Age", "string", "age", 0)]),
}


def metadata(res, item):
    meta = {"name": item["name"], "uid": f"uid-{res}-{item['name']}", "resourceVersion": "1",
            "creationTimestamp": STAMP, "labels": item.get("labels", {})}
    if RESOURCES[res][2]:
        meta["namespace"] = item["namespace"]
    return meta


def full_object(res, item):
    """The plain JSON object, with the fields kubectl's printers and describers read."""
    gv, kind = RESOURCES[res][0], RESOURCES[res][1]
    obj = {"kind": kind, "apiVersion": gv, "metadata": metadata(res, item)}
    if res == "pods":
        ready = item["ready"].split("/")[0] == item["ready"].split("/")[1]
        obj["spec"] = {"nodeName": item["node"], "containers": [{"name": item["name"].split("-")[0], "image": item["image"]}]}
        obj["status"] = {"phase": item["phase"], "podIP": item["ip"], "containerStatuses": [
            {"name": item["name"].split("-")[0], "image": item["image"], "ready": ready, "restartCount": item["restarts"],
             "state": {"running": {}} if ready else {"waiting": {"reason": item["status"]}}}]}
    elif res == "deployments":
        obj["spec"] = {"replicas": item["replicas"], "selector": {"matchLabels": item["labels"]}}
        obj["status"] = {"replicas": item["replicas"], "updatedReplicas": item["upToDate"],
                         "readyReplicas": int(item["ready"].split("/")[0]), "availableReplicas": item["available"]}
    elif res == "services":
        obj["spec"] = {"type": item["type"], "clusterIP": item["clusterIP"], "selector": item["labels"]}
    elif res == "nodes":
        obj["status"] = {"conditions": [{"type": "Ready", "status": "True" if item["status"] == "Ready" else "False"}],
                         "nodeInfo": {"kubeletVersion": item["version"], "osImage": item["osImage"]},
                         "addresses": [{"type": "InternalIP", "address": item["internalIP"]}]}
    elif res == "namespaces":
        obj["status"] = {"phase": item["status"]}
    return obj


def table(res, items):
    columns = RESOURCES[res][4]
    return {"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"resourceVersion": "1"},
            "columnDefinitions": [{"name": n, "type": t, "format": "name" if k == "name" else "", "description": n,
                                   "priority": p} for n, t, k, p in columns],
            "rows": [{"cells": [item.get(k, "") for _, _, k, _ in columns],
                      "object": {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                                 "metadata": metadata(res, item)}} for item in items]}


def matches(item, query):
    for clause in filter(None, query.get("labelSelector", [""])[0].split(",")):
        labels = item.get("labels", {})
        if "!=" in clause:
            key, value = clause.split("!=", 1)
            if labels.get(key.strip()) == value.strip():
                return False
        elif "=" in clause:
            key, value = clause.replace("==", "=").split("=", 1)
            if labels.get(key.strip()) != value.strip():
                return False
        elif clause.strip() not in labels:
            return False
    for clause in filter(None, query.get("fieldSelector", [""])[0].split(",")):
        negate = "!=" in clause
        key, _, value = clause.replace("!=", "=").replace("==", "=").partition("=")
        field = FIELDS.get(key)
        if field and (item.get(field) == value) == negate:
            return False
    return True


FIELDS = {"metadata.name": "name", "metadata.namespace": "namespace", "status.phase": "phase"}


def bad_field_selector(res, query):
    """The 400 the real server gives for a field selector it does not support (`status.phase!=Ready` on nodes)."""
    for clause in filter(None, query.get("fieldSelector", [""])[0].split(",")):
        key = clause.replace("!=", "=").replace("==", "=").partition("=")[0]
        if key not in FIELDS or (key == "status.phase" and res != "pods"):
            return status(400, "BadRequest", f'"{key}" is not a known field selector: only "metadata.name", '
                                             f'"metadata.namespace"')
    return None


def protobuf_fields(data):
    """The length-delimited fields of a protobuf message, by field number (varints are skipped)."""
    fields, i = {}, 0
    def varint():
        nonlocal i
        shift = value = 0
        while True:
            byte = data[i]
            i += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value
    while i < len(data):
        key = varint()
        if key & 7 == 2:
            size = varint()
            fields.setdefault(key >> 3, data[i:i + size])
            i += size
        elif key & 7 == 0:
            varint()
        else:
            break
    return fields


def protobuf_object(body):
    """kind, apiVersion, name, namespace and labels of an object kubectl sent as protobuf (`k8s\\0` + Unknown)."""
    unknown = protobuf_fields(body[4:])
    type_meta = protobuf_fields(unknown.get(1, b""))
    meta = protobuf_fields(protobuf_fields(unknown.get(2, b"")).get(1, b""))
    text = lambda b: b.decode("utf-8", "replace")
    obj = {"kind": text(type_meta.get(2, b"")), "apiVersion": text(type_meta.get(1, b"")),
           "metadata": {"name": text(meta.get(1, b""))}}
    if meta.get(3):
        obj["metadata"]["namespace"] = text(meta[3])
    return obj


def merge(target, patch):
    """A JSON merge patch (RFC 7386); strategic merge patches of the fields used here read the same."""
    for key, value in patch.items():
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = value


def status(code, reason, message, details=None, state="Failure"):
    return code, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": state, "message": message,
                  "reason": reason, "details": details or {}, "code": code}


class Cluster:
    def __init__(self, path):
        with open(path) as f:
            self.data = json.load(f)
        self.lock = threading.Lock()

    def discovery(self, path):
        if path == "/version":
            return 200, {"major": "1", "minor": "32", "gitVersion": "v1.32.0", "platform": "linux/amd64"}
        if path == "/api":
            return 200, {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": [
                {"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]}
        if path == "/apis":
            version = {"groupVersion": "apps/v1", "version": "v1"}
            return 200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
                {"name": "apps", "versions": [version], "preferredVersion": version}]}
        for gv in ("v1", "apps/v1"):
            if path == ("/api/v1" if gv == "v1" else "/apis/" + gv):
                return 200, {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": [
                    {"name": name, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind,
                     "shortNames": short, "verbs": ["create", "delete", "get", "list", "patch", "update", "watch"]}
                    for name, (g, kind, namespaced, short, _) in RESOURCES.items() if g == gv]}
        return None

    def handle(self, method, path, query, wants_table, body=b""):
        found = self.discovery(path) if method == "GET" else None
        if found:
            return found
        parts = path.strip("/").split("/")
        gv = "v1" if parts[:2] == ["api", "v1"] else "/".join(parts[1:3]) if parts[:1] == ["apis"] else None
        rest = parts[2:] if gv == "v1" else parts[3:]
        namespace = None
        if len(rest) >= 3 and rest[0] == "namespaces":
            namespace, rest = rest[1], rest[2:]
        res = rest[0] if rest else None
        if gv is None or res not in RESOURCES or RESOURCES[res][0] != gv or len(rest) > 3:
            return status(404, "NotFound", "the server could not find the requested resource")
        # Writes carry dryRun in the query; a DELETE carries it in its DeleteOptions body.
        options = json.loads(body) if method == "DELETE" and body else {}
        dry = query.get("dryRun", [""])[0] == "All" or "All" in options.get("dryRun", [])
        with self.lock:
            if method == "POST" and len(rest) == 1:
                return self.create(res, namespace, body, dry)
            items = [i for i in self.data.get(res, []) if namespace is None or i.get("namespace") == namespace]
            if len(rest) == 1 and method == "GET":
                rejected = bad_field_selector(res, query)
                if rejected:
                    return rejected
                items = [i for i in items if matches(i, query)]
                if wants_table:
                    return 200, table(res, items)
                return 200, {"kind": RESOURCES[res][1] + "List", "apiVersion": gv, "metadata": {"resourceVersion": "1"},
                             "items": [full_object(res, i) for i in items]}
            item = next((i for i in items if i["name"] == rest[1]), None) if len(rest) > 1 else None
            if item is None:
                name = rest[1] if len(rest) > 1 else ""
                return status(404, "NotFound", f'{res} "{name}" not found', {"name": name, "kind": res})
            if len(rest) == 3 and res == "pods" and rest[2] == "log" and method == "GET":
                return 200, "".join(line + "\n" for line in item.get("log", []))
            if method == "PATCH" and len(rest) == 3 and rest[2] == "scale" and res == "deployments":
                replicas = json.loads(body or b"{}").get("spec", {}).get("replicas", item["replicas"])
                scale = {"kind": "Scale", "apiVersion": "autoscaling/v1",
                         "metadata": dict(metadata(res, item), resourceVersion="2"),
                         "spec": {"replicas": replicas},
                         "status": {"replicas": item["replicas"],
                                    "selector": ",".join(f"{k}={v}" for k, v in item["labels"].items())}}
                if not dry:
                    item["replicas"] = replicas
                    item["ready"] = f'{item["ready"].split("/")[0]}/{replicas}'
                return 200, scale
            if len(rest) == 3 or method not in ("GET", "DELETE", "PATCH"):
                return status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource")
            if method == "PATCH":
                obj = full_object(res, item)
                merge(obj, json.loads(body or b"{}"))
                if not dry and res == "nodes" and "unschedulable" in obj.get("spec", {}):
                    item["status"] = "Ready,SchedulingDisabled" if obj["spec"]["unschedulable"] else "Ready"
                if not dry and "labels" in obj["metadata"]:
                    item["labels"] = obj["metadata"]["labels"]
                return 200, obj
            if method == "DELETE":
                obj = full_object(res, item)
                if not dry:
                    self.data[res].remove(item)
                if res == "pods":
                    obj["metadata"]["deletionTimestamp"] = STAMP
                    obj["metadata"]["deletionGracePeriodSeconds"] = 30
                    return 200, obj
                return status(200, "", "", {"name": item["name"], "kind": res, "uid": obj["metadata"]["uid"]},
                              state="Success")
            return 200, table(res, [item]) if wants_table else full_object(res, item)

    def create(self, res, namespace, body, dry):
        obj = protobuf_object(body) if body.startswith(b"k8s\x00") else json.loads(body or b"{}")
        meta = obj.setdefault("metadata", {})
        name = meta.get("name", "")
        if RESOURCES[res][2]:
            meta["namespace"] = namespace or "default"
        if any(i["name"] == name and i.get("namespace") == meta.get("namespace") for i in self.data.get(res, [])):
            return status(409, "AlreadyExists", f'{res} "{name}" already exists', {"name": name, "kind": res})
        meta.update(uid=f"uid-{res}-{name}", resourceVersion="1", creationTimestamp=STAMP)
        if not dry:
            self.data.setdefault(res, []).append(
                {"name": name, "namespace": meta.get("namespace"), "labels": meta.get("labels", {}), "age": "0s"})
        return 201, obj


def make_handler(cluster, log_path, dry_run_delay=0):
    log_lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def respond(self):
            url = urlsplit(self.path)
            sent = self.rfile.read(int(self.headers["Content-Length"])) if int(self.headers.get("Content-Length") or 0) else b""
            if log_path:
                # A DELETE's dry run is in its body: logged after the path, so the log shows every dry run.
                marker = " dryRun=All" if self.command == "DELETE" and b'"All"' in sent else ""
                with log_lock, open(log_path, "a") as log:
                    log.write(f"{self.command} {self.path}{marker}\n")
            if dry_run_delay and ("dryRun=All" in self.path or (self.command == "DELETE" and b'"All"' in sent)):
                time.sleep(dry_run_delay)
            code, body = cluster.handle(self.command, url.path.rstrip("/") or "/", parse_qs(url.query),
                                        "as=Table" in self.headers.get("Accept", ""), sent)
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "text/plain" if isinstance(body, str) else "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_DELETE = do_POST = do_PUT = do_PATCH = respond

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--log")
    parser.add_argument("--watch-stdin", action="store_true", help="exit when standard input closes")
    parser.add_argument("--dry-run-delay", type=float, default=0,
                        help="seconds to wait before answering a dry run (a cluster too slow for k1's preview)")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(Cluster(args.data), args.log, args.dry_run_delay))
    server.daemon_threads = True
    if args.watch_stdin:
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
