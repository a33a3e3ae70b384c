"""A department system's webhook endpoint for the demo: prints each CloudEvent and whether its signature is genuine.

Usage: python3 receiver.py PORT SECRET. Verifies X-RunOnce-Signature (t=<seconds>,v1=<hex HMAC-SHA256 of "t." + body>)
as notification-service/README.md describes.
"""
import hashlib, hmac, json, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT, SECRET = int(sys.argv[1]), sys.argv[2].encode()


class Receiver(BaseHTTPRequestHandler):
    def do_OPTIONS(self):  # the validation handshake when the subscription is created
        self.send_response(200)
        self.send_header("WebHook-Allowed-Origin", self.headers.get("WebHook-Request-Origin", "*"))
        self.end_headers()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        parts = dict(p.strip().split("=", 1) for p in self.headers.get("X-RunOnce-Signature", "").split(",") if "=" in p)
        expected = hmac.new(SECRET, (parts.get("t", "") + ".").encode() + body, hashlib.sha256).hexdigest()
        fresh = abs(time.time() - int(parts.get("t", "0"))) < 300
        valid = fresh and hmac.compare_digest(expected, parts.get("v1", ""))
        event = json.loads(body)
        print(f'  {event["type"].removeprefix("org.runonce.approval.")} {event["subject"]} {event.get("department")}'
              f' signature={"valid" if valid else "INVALID"}', flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
