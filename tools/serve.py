#!/usr/bin/env python3
"""Serves a built site like a CDN would: CORS for everyone, the right MIME type for .wasm.

usage: serve.py DIR [PORT] [--host 127.0.0.1]
A response header file `DIR/_headers.json` ({"/path": {"Header": "value"}}) adds headers per path,
e.g. a Content-Security-Policy for a test page.
"""
import functools, http.server, json, os, sys

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

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else "dist"
    port = int(args[1]) if len(args) > 1 else 8080
    host = "127.0.0.1"
    if "--host" in sys.argv:
        host = sys.argv[sys.argv.index("--host") + 1]
    httpd = http.server.ThreadingHTTPServer((host, port), functools.partial(Handler, directory=root))
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
