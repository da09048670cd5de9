#!/usr/bin/env python3
"""Serves a built site like a CDN would: CORS for everyone, the right MIME type for .wasm.

usage: serve.py DIR [PORT] [--host 127.0.0.1] [--faults]
A response header file `DIR/_headers.json` ({"/path": {"Header": "value"}}) adds headers per path,
e.g. a Content-Security-Policy for a test page.

`--faults` (the end-to-end tests only; never `make serve`) adds a control endpoint that makes the
server misbehave for one path, the way a train's network or a broken origin does:
  GET /_faults?path=/pkg/dragonbear_bg.wasm&mode=MODE[&count=N]   next N (default: all) responses
  GET /_faults?clear=1                                            back to normal, hit counts reset
  GET /_faults?hits=1                                             {"/path": requests seen, …}
MODE is one of
  delay:MS   the normal response, after MS milliseconds
  500        HTTP 500 with a short text body
  reset      the connection is reset before any response (TCP RST)
  cut        the headers with the full Content-Length, half the body, then a reset
  truncate   HTTP 200 without Content-Length, half the body, then a clean close (a short file)
  html       HTTP 200 text/html: a login page instead of the file
"""
import functools, http.server, json, os, socket, struct, sys, threading, time, urllib.parse

class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
                      ".json": "application/json", ".svg": "image/svg+xml", ".css": "text/css"}

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        for k, v in self.server.extra_headers().get(self.path.split("?")[0], {}).items():
            self.send_header(k, v)
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("SERVE_LOG"):
            super().log_message(fmt, *args)

    def do_GET(self):
        faults = getattr(self.server, "faults", None)
        if faults is None:
            return super().do_GET()
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/_faults":
            return self.control(faults, urllib.parse.parse_qs(url.query))
        mode = faults.take(url.path)
        if mode is None:
            return super().do_GET()
        if mode.startswith("delay:"):
            time.sleep(int(mode[6:]) / 1000)
            return super().do_GET()
        if mode == "500":
            return self.reply(500, "text/plain", b"Internal Server Error\n")
        if mode == "html":
            page = b"<!doctype html><html><head><title>Sign in</title></head><body><form><input name=user></form></body></html>\n"
            return self.reply(200, "text/html; charset=utf-8", page)
        if mode == "reset":
            return self.reset()
        body = self.file_bytes(url.path)
        if body is None:
            return self.reply(404, "text/plain", b"not found\n")
        ctype = self.guess_type(url.path)
        if mode == "cut":
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            time.sleep(0.1)
            return self.reset()
        if mode == "truncate":
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            return None
        return self.reply(400, "text/plain", f"unknown fault mode {mode}\n".encode())

    def control(self, faults, q):
        if "clear" in q:
            faults.clear()
        elif "hits" not in q:
            count = int(q.get("count", ["-1"])[0])
            faults.set(q["path"][0], q["mode"][0], count)
        return self.reply(200, "application/json", json.dumps(faults.hits()).encode())

    def file_bytes(self, path):
        p = self.translate_path(path)
        try:
            with open(p, "rb") as f:
                return f.read()
        except OSError:
            return None

    def reply(self, status, ctype, body):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def reset(self):
        """Closes the connection with a TCP reset (SO_LINGER 0), before or in the middle of a response."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass

class Faults:
    """The faults set through /_faults: path → [mode, responses left (-1 = until cleared)]."""

    def __init__(self):
        self.lock = threading.Lock()
        self.rules, self.seen = {}, {}

    def set(self, path, mode, count):
        with self.lock:
            self.rules[path] = [mode, count]

    def clear(self):
        with self.lock:
            self.rules, self.seen = {}, {}

    def hits(self):
        with self.lock:
            return dict(self.seen)

    def take(self, path):
        with self.lock:
            self.seen[path] = self.seen.get(path, 0) + 1
            rule = self.rules.get(path)
            if rule is None:
                return None
            if rule[1] > 0:
                rule[1] -= 1
                if rule[1] == 0:
                    del self.rules[path]
            return rule[0]

class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A reader who leaves mid-download (or a test page closed early) is not a server error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

def main():
    host = "127.0.0.1"
    if "--host" in sys.argv:
        host = sys.argv[sys.argv.index("--host") + 1]
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a != host]
    root = args[0] if args else "dist"
    port = int(args[1]) if len(args) > 1 else 8080
    httpd = Server((host, port), functools.partial(Handler, directory=root))
    httpd.faults = Faults() if "--faults" in sys.argv else None
    hp = os.path.join(root, "_headers.json")
    # Read per request, so a test can add headers while the server runs.
    httpd.extra_headers = lambda: json.load(open(hp)) if os.path.exists(hp) else {}
    print(f"serving {root} at http://{host}:{port}/", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass

if __name__ == "__main__":
    main()
