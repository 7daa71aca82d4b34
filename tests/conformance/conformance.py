#!/usr/bin/env python3
"""Response conformance: every route of openapi.yaml requested against the
real binary, every answer validated against the document (status, headers,
body schema with additional properties refused), so spec and server cannot
drift apart.

Usage: conformance.py MARSAD_BIN [openapi.yaml] [seeds folder]
Prints one line per failure and a last line "conformance: N passed, N failed";
exits 1 when any failed. Needs Python 3 and python3-yaml (Debian).
"""
import atexit
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse
import http.client

import yaml

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/marsad"
SPEC = sys.argv[2] if len(sys.argv) > 2 else "openapi.yaml"
SEEDS = sys.argv[3] if len(sys.argv) > 3 else "data/seeds"

doc = yaml.safe_load(open(SPEC, encoding="utf-8"))
passed = 0
failures = []


def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        target = doc
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


# ---- a small JSON Schema (2020-12 subset) walker --------------------------------

def type_ok(value, t):
    if t == "null":
        return value is None
    if t == "boolean":
        return isinstance(value, bool)
    if t == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if t == "string":
        return isinstance(value, str)
    if t == "array":
        return isinstance(value, list)
    if t == "object":
        return isinstance(value, dict)
    raise ValueError("unknown type " + t)


def merged_properties(schema):
    """Properties an object may have under schema, through allOf."""
    schema = resolve(schema)
    props = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        props.update(merged_properties(part))
    return props


def validate(value, schema, where, errors, props_ok=None):
    schema = resolve(schema)
    if schema is True or schema == {}:
        return
    if "allOf" in schema:
        allowed = merged_properties(schema)
        for part in schema["allOf"]:
            validate(value, part, where, errors, props_ok=allowed)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            matches = 0
            for option in schema[key]:
                sub = []
                validate(value, option, where, sub)
                matches += not sub
            if matches == 0 or (key == "oneOf" and matches > 1):
                errors.append("%s: %d of the %s options match %s" % (where, matches, key,
                                                                      json.dumps(value, ensure_ascii=False)[:120]))
    if "const" in schema and value != schema["const"]:
        errors.append("%s: %r is not the const %r" % (where, value, schema["const"]))
    if "enum" in schema and value not in schema["enum"]:
        errors.append("%s: %r is not one of %s" % (where, value, schema["enum"]))
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(type_ok(value, t) for t in types):
            errors.append("%s: %s is not %s" % (where, json.dumps(value, ensure_ascii=False)[:80], types))
            return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append("%s: %r under minimum %r" % (where, value, schema["minimum"]))
        if "maximum" in schema and value > schema["maximum"]:
            errors.append("%s: %r over maximum %r" % (where, value, schema["maximum"]))
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append("%s: %r does not match %s" % (where, value, schema["pattern"]))
    if isinstance(value, list):
        if "items" in schema:
            for i, item in enumerate(value):
                validate(item, schema["items"], "%s[%d]" % (where, i), errors)
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append("%s: fewer than %d items" % (where, schema["minItems"]))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append("%s: more than %d items" % (where, schema["maxItems"]))
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                errors.append("%s: required %s is missing" % (where, name))
        extra = schema.get("additionalProperties", False)
        allowed = props_ok if props_ok is not None else props
        for name, v in value.items():
            if name in props:
                validate(v, props[name], where + "." + name, errors)
            elif isinstance(extra, dict):
                validate(v, extra, where + "." + name, errors)
            elif name not in allowed and extra is not True and ("properties" in schema or props_ok):
                # a schema that names its properties refuses others
                errors.append("%s: %s is not in the schema" % (where, name))


# ---- the server -----------------------------------------------------------------

tmp = tempfile.mkdtemp(prefix="marsad-conformance-")
server = subprocess.Popen([BIN, "serve", "--port", "0", "--db", os.path.join(tmp, "marsad.db"),
                           "--seeds", SEEDS, "--access-log=off", "--create"],
                          stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, "stderr.log"), "w"),
                          text=True)


def stop_server():
    """Never leave the server or its folder behind, even on an exception."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    shutil.rmtree(tmp, ignore_errors=True)


atexit.register(stop_server)
port = None
for line in server.stdout:
    m = re.search(r"listening on http://[^:]+:(\d+)", line)
    if m:
        port = int(m.group(1))
        break
if port is None:
    print("conformance: the server did not start")
    sys.exit(1)


def request(method, target, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, target, headers=headers or {})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def first_id(path):
    status, _, body = request("GET", path + "?limit=1")
    return json.loads(body)["data"][0]["id"]


IDS = {
    "/v1/articles/{id}": first_id("/v1/articles"),
    "/v1/articles/{id}/copies": first_id("/v1/articles"),
    "/v1/sources/{id}": first_id("/v1/sources"),
    "/v1/sources/{id}/figures": None,
    "/v1/locations/{id}": first_id("/v1/locations"),
    "/v1/figures/{id}": first_id("/v1/figures"),
    "/web/{id}": "app.js",
    "/problems/{id}": "not-found",
}
_, _, fig = request("GET", "/v1/figures?limit=50")
claimants = [f["claimant"]["id"] for f in json.loads(fig)["data"] if f.get("claimant")]
IDS["/v1/sources/{id}/figures"] = claimants[0]


def sample(param):
    """A valid value for a documented query parameter (None: leave it out)."""
    schema = resolve(param.get("schema", {}))
    if "example" in param:
        return str(param["example"])
    if "examples" in schema:
        return str(schema["examples"][0])
    if "example" in schema:
        return str(schema["example"])
    if "enum" in schema:
        return str(schema["enum"][0])
    t = schema.get("type")
    if isinstance(t, list):
        t = [x for x in t if x != "null"][0]
    if t == "boolean":
        return "true"
    if t == "integer":
        return str(schema.get("default", schema.get("minimum", 1)))
    if t == "number":
        return "1"
    if param["name"] == "cursor":
        return None
    return "x"


def check(method, path, target, op, extra_headers=None, expect=None):
    global passed
    status, headers, body = request(method, target, extra_headers)
    errors = []
    if headers.get("content-encoding") == "gzip":
        if "gzip" not in (extra_headers or {}).get("Accept-Encoding", ""):
            errors.append("gzip not asked for")
        if len(body) and method != "HEAD":
            body = gzip.decompress(body)
            if len(body) < 1024:
                errors.append("a body under 1 KiB was compressed")
    what = "%s %s" % (method, target)
    responses = op.get("responses", {})
    spec_resp = responses.get(str(status)) or responses.get("default")
    if expect is not None and status != expect:
        errors.append("status %d, expected %d" % (status, expect))
    if spec_resp is None:
        errors.append("status %d is not documented (%s)" % (status, ", ".join(responses)))
    else:
        spec_resp = resolve(spec_resp)
        for name, h in spec_resp.get("headers", {}).items():
            h = resolve(h)
            value = headers.get(name.lower())
            exported = "format=csv" in target or "format=ndjson" in target
            if value is None:
                # ETag is absent on purpose where the spec says so.
                if name in ("ETag", "Cache-Control") and (exported or path in ("/healthz", "/readyz")):
                    continue
                if name in ("Link", "Content-Disposition", "Retry-After", "WWW-Authenticate",
                            "Location", "Content-Encoding", "Vary"):
                    continue
                errors.append("header %s is missing" % name)
                continue
            hs = resolve(h.get("schema", {}))
            sub = []
            v = int(value) if hs.get("type") == "integer" and value.isdigit() else value
            validate(v, hs, "header " + name, sub)
            errors += sub
        content = spec_resp.get("content")
        ctype = headers.get("content-type", "").split(";")[0].strip()
        if method == "HEAD" or status in (204, 304):
            if body:
                errors.append("a body on %d/%s" % (status, method))
        elif content is None:
            if body:
                errors.append("an undocumented body (%s)" % ctype)
        elif ctype not in content:
            errors.append("Content-Type %s is not documented (%s)" % (ctype, ", ".join(content)))
        elif "json" in ctype and "ndjson" not in ctype:
            try:
                value = json.loads(body)
            except ValueError as e:
                errors.append("body is not JSON: %s" % e)
            else:
                validate(value, content[ctype].get("schema", {}), "body", errors)
    if headers.get("x-content-type-options") != "nosniff":
        errors.append("no X-Content-Type-Options: nosniff")
    if errors:
        failures.append("%s -> %d: %s" % (what, status, "; ".join(errors[:5])))
    else:
        passed += 1


def concrete(path):
    return path.replace("{id}", urllib.parse.quote(IDS.get(path, "x"), safe=""))


for path, item in doc["paths"].items():
    for method, op in item.items():
        if method not in ("get", "post", "put", "delete", "options"):
            continue
        target = concrete(path)
        if method == "options":
            check("OPTIONS", path, target, op, expect=204)
            continue
        if method != "get":
            # writes: the server runs without a token, so every write is a
            # documented 403 (or 415/400 before it).
            check(method.upper(), path, target, op)
            continue
        # the required parameters always, then each other one alone
        params = [resolve(p) for p in op.get("parameters", [])]
        required = {p["name"]: sample(p) for p in params if p.get("in") == "query" and p.get("required")}
        if required:
            target = target + "?" + urllib.parse.urlencode(required)
        check("GET", path, target, op, expect=200)
        check("HEAD", path, target, op, expect=200)
        check("GET", path, target, op, {"Accept-Encoding": "gzip"}, expect=200)
        target = target + ("&" if required else "?")
        for p in params:
            if p.get("in") != "query":
                continue
            value = sample(p)
            if value is None:
                continue
            if p["name"] in required:
                continue
            check("GET", path, target + urllib.parse.urlencode({p["name"]: value}), op)
            # and every value of an enumeration
            schema = resolve(p.get("schema", {}))
            for v in schema.get("enum", [])[1:]:
                q = {p["name"]: str(v).lower() if isinstance(v, bool) else str(v)}
                if p["name"] == "bom":
                    q["format"] = "csv"
                check("GET", path, target + urllib.parse.urlencode(q), op)
        # failures the spec documents
        probe = path in ("/healthz", "/readyz")  # they ignore their query
        check("GET", path, target + "no_such_parameter=1", op, expect=200 if probe else 400)
        target = concrete(path)
        check("DELETE" if "delete" not in item else "PATCH", path, target, op, expect=405)
        if "{id}" in path and path != "/v1/sources/{id}/figures":
            check("GET", path, path.replace("{id}", "no-such-id"), op, expect=404)
    # pages: follow next once
    if path in ("/v1/articles", "/v1/figures", "/v1/sources", "/v1/locations"):
        _, _, body = request("GET", path + "?limit=2")
        nxt = json.loads(body)["next_url"]
        if nxt:
            check("GET", path, nxt, item["get"], expect=200)
        check("GET", path, path + "?limit=2&format=csv", item["get"], expect=200)
        check("GET", path, path + "?limit=2&format=ndjson", item["get"], expect=200)

# the limits: a target over --max-url, headers over --max-headers, a body over 1 MiB
articles = doc["paths"]["/v1/articles"]
check("GET", "/v1/articles", "/v1/articles?q=" + "a" * 9000, articles["get"], expect=414)
check("GET", "/v1/articles", "/v1/articles", articles["get"], {"X-Filler": "f" * 40000}, expect=431)
check("POST", "/v1/articles", "/v1/articles", articles["post"],
      {"Content-Type": "application/json", "Content-Length": str(2 << 20)}, expect=413)

stop_server()
if server.returncode != 0:
    failures.append("the server exited with status %d" % server.returncode)
for f in failures:
    print("FAIL " + f)
print("conformance: %d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
