#!/usr/bin/env python3
"""Opens one HTML report in headless Chromium and checks it as a reader's browser would see it.

  check_html.py --chromium PATH --html FILE --screenshot OUT.png
                [--expect TEXT ...] [--expect-file F] [--hostile] [--timeout S]

Python 3 standard library only. Chromium (Debian's chromium, or its chromium-headless-shell, which
does the same at about half the CPU time) is driven through the DevTools protocol over
--remote-debugging-pipe: the browser reads commands from its file descriptor 3 and writes replies
and events to its descriptor 4, each message a JSON text followed by a NUL byte. No websocket, no
npm. Each run gets a fresh temporary profile, which is removed afterwards. Chromium takes a
file's type from its name, so a page whose name does not end in .html or .htm (a golden
expected.out) is opened from a copy, page.html, alone in a folder of the temporary directory.

Checks, every failure listed (exit 1); exit 0 when all pass, 2 on a usage error:
  1. the page loads (Page.loadEventFired) within --timeout seconds; on a time-out Chromium is
     killed, never waited for;
  2. no console error or failed console.assert (Runtime.consoleAPICalled), no uncaught exception
     (Runtime.exceptionThrown), no browser log entry of level error (Log.entryAdded: failed loads,
     Content-Security-Policy violations, ...), no JavaScript dialog (Page.javascriptDialogOpening:
     it is dismissed, so an injected alert() fails the check instead of hanging it), no new window
     or tab, no renderer crash;
  3. no request but the page's own document (Network.requestWillBeSent). `data:` URLs are allowed:
     they are content inlined in the file itself and fetch nothing (the report needs none, but an
     inline icon would be no external fetch). Every other request (http(s), file:// -- such as the
     file:///.../x that a badly escaped <img src=x> asks for --, blob:, ...) is a failure, and is
     also blocked (Fetch.failRequest) so that nothing leaves the machine; host names do not resolve
     either (--host-resolver-rules);
  4. document.body.innerText contains each expected text (--expect, and --expect-file: one text a
     line, blank lines and lines starting with '#' ignored). Runs of white space, in the page and
     in the texts alike, compare as one space: innerText puts a tab between table cells and line
     breaks between blocks;
  5. the what-if panel, when the page has one. DOM contract (the report's inline script keeps it):
       - the panel is the element with id "what-if";
       - its weight sliders are <input type="range" data-criterion="CRITERION_ID"> inside it;
       - the script listens to the sliders' `input` events and writes the name of the option that
         leads under the new weights into the element with id "what-if-winner" (in the panel or
         anywhere in the page).
     Each slider in turn is set to its minimum and gets an `input` (then a `change`) event; after
     each, #what-if-winner must have non-empty text. Then each slider alone is put at its maximum
     (the others at their minimum), so that the leaders on each criterion, hostile names among
     them, go through the script too; the winner must again be non-empty. Meanwhile no <script>,
     iframe, object, embed or base element and no on* attribute may appear in the page, however
     briefly (a MutationObserver watches). Missing pieces of the contract, a script
     error, or "NaN", "undefined" or "Infinity" in the panel's text afterwards fail. A page without
     #what-if skips this step;
  6. with --hostile (the page shows names such as <script>window.__pwned=1</script> and
     <img src=x onerror="window.__pwned=2">, which must appear as text): window.__pwned is
     undefined; at most one <script> element that runs (the report's own inline script; data
     blocks, <script type="application/json">, do not count), none with a src;
     no element with an on* event-handler attribute; no javascript:/vbscript:/data:text/html URL in
     href, src, xlink:href, action or formaction; no iframe, frame, object, embed or base element.
     These run after the what-if step, so a script that writes names with innerHTML is caught too;
  7. a full-page PNG screenshot of the page as loaded (before the what-if step) is written to
     OUT.png, 1280 CSS pixels wide, scaled down when the page is longer than 16384 pixels, and
     `screenshot: <absolute path>` is printed;
  8. the page prints to an A4 PDF (Page.printToPDF) with at least one page.
The last line printed is a one-line summary.
"""

import argparse
import base64
import fcntl
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from page_scripts import HOSTILE_JS, WHAT_IF_JS  # beside this file

# Flags that keep Chromium from talking to anything but this script: no background networking,
# component or safe-browsing updates, sync, metrics upload, crash upload, field trials or
# translation; a fresh profile; and no host name resolves, so that not even a DNS query leaves.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--remote-debugging-pipe",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--metrics-recording-only",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-client-side-phishing-detection",
    "--disable-domain-reliability",
    "--disable-breakpad",
    "--disable-field-trial-config",
    "--no-pings",
    "--no-service-autorun",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
    "AutofillServerCommunication,CertificateTransparencyComponentUpdater,"
    "InterestFeedContentSuggestions,PrivacySandboxSettings4,SafeBrowsing",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--password-store=basic",
    "--use-mock-keychain",
    "--disable-dev-shm-usage",
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
    "--disable-hang-monitor",
    "--deny-permission-prompts",
    "--mute-audio",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    "--window-size=1280,900",
]
VIEWPORT_WIDTH = 1280
VIEWPORT_HEIGHT = 900
MAX_SCREENSHOT_HEIGHT = 16384  # pixels: Chromium's limit for one captured surface

class Timeout(Exception):
    pass


class BrowserGone(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout("the whole check ran past its time limit")


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


class Check:
    """One Chromium, one page, and the failures found on it."""

    def __init__(self, chromium, html, timeout, verbose):
        self.chromium = chromium
        self.html = html
        self.doc_url = None
        self.timeout = timeout
        self.verbose = verbose
        self.failures = []
        self.notes = []
        self.next_id = 0
        self.buffer = b""
        self.replies = {}
        self.session = None
        self.target_id = None
        self.loader_id = None
        self.loaded = False
        self.known_targets = set()
        self.blocked = set()
        self.data_urls = 0
        self.proc = None
        self.tmp = None

    # --- failures ------------------------------------------------------------------------------
    def fail(self, message):
        if message not in self.failures:
            self.failures.append(message)

    # --- the browser -----------------------------------------------------------------------------
    def start(self):
        self.tmp = tempfile.mkdtemp(prefix="check_html.")
        page = self.html
        if page.suffix.lower() not in (".html", ".htm"):
            # Chromium takes the type of a file:// page from its name: a golden expected.out
            # would show as plain text. The copy sits alone in a folder of its own, so a relative
            # reference in the page (<img src=x>) still asks for a file, which fails the check.
            os.mkdir(os.path.join(self.tmp, "page"))
            page = Path(self.tmp, "page", "page.html")
            shutil.copyfile(self.html, page)
        self.doc_url = page.as_uri()
        profile = os.path.join(self.tmp, "profile")
        os.mkdir(profile)
        self.stderr_path = os.path.join(self.tmp, "chromium.stderr")
        # Two pipes: we write commands into cmd_w, Chromium reads them on its fd 3; Chromium
        # writes on its fd 4 into resp_w, we read resp_r. Four fresh descriptors: whatever held
        # fds 3 and 4 before, they are taken now, so subprocess's own error pipe is never 3 or 4.
        cmd_r, cmd_w = os.pipe()
        resp_r, resp_w = os.pipe()

        def child_fds():
            # In the child, between fork and exec: put the pipe ends on fds 3 and 4. dup2 makes
            # them inheritable; subprocess closes other descriptors after this (close_fds) except
            # pass_fds, which is why 3 and 4 are listed there.
            a = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(resp_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.close(a)
            os.close(b)

        args = [self.chromium] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, "about:blank"]
        env = dict(os.environ)
        for var in ("LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            env.pop(var, None)
        with open(self.stderr_path, "wb") as err:
            self.proc = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                pass_fds=(3, 4), preexec_fn=child_fds, start_new_session=True, env=env)
        os.close(cmd_r)
        os.close(resp_w)
        self.wfd = cmd_w
        self.rfd = resp_r

    def stop(self):
        if self.proc is not None:
            # Nothing of the profile is kept, so no need for a graceful Browser.close: Chromium
            # and its helpers (zygote, renderer, GPU and network processes) share its process
            # group, which goes at once.
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                pass
        for fd in ("wfd", "rfd"):
            if hasattr(self, fd):
                try:
                    os.close(getattr(self, fd))
                except OSError:
                    pass
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def stderr_tail(self, lines=15):
        try:
            with open(self.stderr_path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    # --- the protocol ----------------------------------------------------------------------------
    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            n = os.write(self.wfd, data)
            data = data[n:]
        return self.next_id

    def pump(self, until, timeout, what):
        """Handles messages until until() is true; raises Timeout after timeout seconds."""
        deadline = time.monotonic() + timeout
        while not until():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Timeout("no answer within %g s while waiting for %s" % (timeout, what))
            ready, _, _ = select.select([self.rfd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self.rfd, 1 << 20)
            if not chunk:
                raise BrowserGone("Chromium closed the pipe while waiting for %s (exit code %s)"
                                  % (what, self.proc.poll()))
            self.buffer += chunk
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                self.dispatch(json.loads(raw))

    def call(self, method, params=None, session="page", timeout=None):
        sid = self.session if session == "page" else session
        mid = self.send(method, params, sid)
        self.pump(lambda: mid in self.replies, timeout or self.timeout, method)
        reply = self.replies.pop(mid)
        if "error" in reply:
            raise RuntimeError("%s: %s" % (method, reply["error"].get("message", reply["error"])))
        return reply.get("result", {})

    def evaluate(self, expression, timeout=None):
        result = self.call("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True,
            "userGesture": False}, timeout=timeout)
        if "exceptionDetails" in result:
            raise RuntimeError("evaluation threw: " + describe_exception(result["exceptionDetails"]))
        return result.get("result", {}).get("value")

    # --- events ----------------------------------------------------------------------------------
    def dispatch(self, msg):
        if "id" in msg:
            self.replies[msg["id"]] = msg
            return
        method = msg.get("method", "")
        p = msg.get("params", {})
        if self.verbose:
            print("event:", method, json.dumps(p)[:300], file=sys.stderr)
        if method == "Target.targetCreated":
            info = p.get("targetInfo", {})
            tid = info.get("targetId")
            if self.target_id is None or tid == self.target_id:
                self.known_targets.add(tid)
            elif info.get("type") == "page" and tid not in self.known_targets:
                self.fail("the page opened a new window or tab: %s" % (info.get("url") or "(blank)"))
            return
        if msg.get("sessionId") != self.session or self.session is None:
            return
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            text = " ".join(format_remote(a) for a in p.get("args", []))
            self.fail("console.%s: %s%s" % (p["type"], text, where(p.get("stackTrace"))))
        elif method == "Runtime.exceptionThrown":
            self.fail("uncaught exception: " + describe_exception(p.get("exceptionDetails", {})))
        elif method == "Log.entryAdded":
            e = p.get("entry", {})
            if e.get("level") == "error":
                if e.get("url") in self.blocked and "ERR_BLOCKED_BY_CLIENT" in e.get("text", ""):
                    return  # the request is reported already, and this check blocked it
                self.fail("browser log error (%s): %s%s" % (
                    e.get("source", "?"), e.get("text", ""),
                    (" [" + e["url"] + "]") if e.get("url") else ""))
        elif method == "Page.javascriptDialogOpening":
            self.send("Page.handleJavaScriptDialog", {"accept": False}, self.session)
            self.fail("JavaScript %s dialog opened: %r" % (p.get("type", "?"), p.get("message", "")))
        elif method == "Network.requestWillBeSent":
            self.check_request(p.get("request", {}).get("url", ""), p.get("requestId"),
                               p.get("type"))
        elif method == "Fetch.requestPaused":
            url = p.get("request", {}).get("url", "")
            if self.allowed(url, p.get("networkId"), p.get("resourceType")):
                self.send("Fetch.continueRequest", {"requestId": p["requestId"]}, self.session)
            else:
                self.send("Fetch.failRequest", {"requestId": p["requestId"],
                                                "errorReason": "BlockedByClient"}, self.session)
                self.check_request(url, None, p.get("resourceType"))
        elif method == "Page.loadEventFired":
            self.loaded = True
        elif method == "Inspector.targetCrashed":
            self.fail("the page's renderer crashed")
        elif method == "Inspector.detached":
            self.fail("the inspector was detached: " + p.get("reason", ""))

    def allowed(self, url, request_id, rtype):
        if url.split("#", 1)[0] == self.doc_url:
            return True
        if rtype == "Document" and request_id is not None and request_id == self.loader_id:
            return True
        return url.startswith("data:")

    def check_request(self, url, request_id, rtype):
        if self.allowed(url, request_id, rtype):
            if url.startswith("data:"):
                self.data_urls += 1
            return
        if url not in self.blocked:
            self.blocked.add(url)
            self.fail("request beyond the page itself (%s): %s" % (rtype or "?", url[:300]))

    # --- the steps ------------------------------------------------------------------------------
    def open(self):
        self.call("Target.setDiscoverTargets", {"discover": True}, session=None)
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=None)
        self.target_id = target["targetId"]
        self.known_targets.add(self.target_id)
        attached = self.call("Target.attachToTarget",
                             {"targetId": self.target_id, "flatten": True}, session=None)
        self.session = attached["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page", "Inspector"):
            self.call(domain + ".enable")
        self.call("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        self.call("Emulation.setDeviceMetricsOverride", {
            "width": VIEWPORT_WIDTH, "height": VIEWPORT_HEIGHT, "deviceScaleFactor": 1,
            "mobile": False})
        nav = self.call("Page.navigate", {"url": self.doc_url})
        if nav.get("errorText"):
            self.fail("navigation to %s failed: %s" % (self.doc_url, nav["errorText"]))
            return False
        self.loader_id = nav.get("loaderId")
        self.pump(lambda: self.loaded, self.timeout, "the page's load event")
        # Let timers set at load run (an onerror of an image that failed, a deferred render).
        self.evaluate("new Promise(r => setTimeout(r, 100))")
        return True

    def check_texts(self, expected):
        text = normalise(self.evaluate("document.body ? document.body.innerText : ''") or "")
        missing = [e for e in expected if normalise(e) not in text]
        for e in missing:
            self.fail("expected text not on the page: %r" % e)
        return len(expected) - len(missing)

    def screenshot(self, out):
        metrics = self.call("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics.get("contentSize")
        width = max(VIEWPORT_WIDTH, int(size["width"] + 0.999))
        height = max(1, int(size["height"] + 0.999))
        # A page longer than one captured surface is shot whole, scaled down to fit.
        scale = min(1.0, MAX_SCREENSHOT_HEIGHT / height)
        shot = self.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "fromSurface": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": scale}})
        data = base64.b64decode(shot["data"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        if not data.startswith(b"\x89PNG") or len(data) < 24:
            self.fail("the screenshot is not a PNG")
            return width, height, scale
        # The PNG's own size, from its IHDR chunk.
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"), scale

    def what_if(self):
        report = self.evaluate(WHAT_IF_JS)
        if not report or not report.get("present"):
            return None
        for problem in report.get("problems", []):
            self.fail("what-if: " + problem)
        return report

    def hostile(self):
        for problem in self.evaluate(HOSTILE_JS) or []:
            self.fail("hostile: " + problem)

    def pdf(self):
        result = self.call("Page.printToPDF", {
            "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True,
            "transferMode": "ReturnAsBase64"}, timeout=max(self.timeout, 30))
        data = base64.b64decode(result.get("data", ""))
        if not data.startswith(b"%PDF-"):
            self.fail("printing to PDF gave no PDF (%d bytes)" % len(data))
            return 0
        pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
        if pages == 0:
            self.fail("the printed PDF has no page")
        return pages


def format_remote(obj):
    if "value" in obj:
        return str(obj["value"])
    return obj.get("description") or obj.get("unserializableValue") or obj.get("type", "?")


def where(stack):
    if not stack or not stack.get("callFrames"):
        return ""
    f = stack["callFrames"][0]
    return " (at %s:%s:%s)" % (f.get("url") or "inline", f.get("lineNumber", 0) + 1,
                               f.get("columnNumber", 0) + 1)


def describe_exception(d):
    ex = d.get("exception") or {}
    text = ex.get("description") or d.get("text", "?")
    text = text.splitlines()[0] if text else "?"
    return "%s (line %s)" % (text, d.get("lineNumber", 0) + 1)


def read_expect_file(path):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                texts.append(line)
    return texts


def main(argv):
    ap = argparse.ArgumentParser(description="Checks one HTML report in headless Chromium.")
    ap.add_argument("--chromium", required=True, help="Chromium executable")
    ap.add_argument("--html", required=True, help="the page to check")
    ap.add_argument("--screenshot", required=True, help="full-page PNG to write")
    ap.add_argument("--expect", action="append", default=[], metavar="TEXT",
                    help="text the page must show (repeatable)")
    ap.add_argument("--expect-file", action="append", default=[], metavar="F",
                    help="file of texts the page must show, one a line; '#' starts a comment line")
    ap.add_argument("--hostile", action="store_true",
                    help="the page shows hostile names: check that none of them became markup")
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="seconds to wait for the load and for each protocol answer (30)")
    ap.add_argument("--verbose", action="store_true", help="log every protocol event to stderr")
    args = ap.parse_args(argv)

    html = Path(args.html).resolve()
    if not html.is_file():
        print("check_html: no such file: %s" % args.html, file=sys.stderr)
        return 2
    chromium = shutil.which(args.chromium)
    if not chromium:
        print("check_html: Chromium not found or not executable: %s" % args.chromium,
              file=sys.stderr)
        return 2
    expected = list(args.expect)
    for f in args.expect_file:
        try:
            expected += read_expect_file(f)
        except OSError as e:
            print("check_html: cannot read %s: %s" % (f, e.strerror), file=sys.stderr)
            return 2
    shot_path = Path(args.screenshot).resolve()

    started = time.monotonic()
    check = Check(chromium, html, args.timeout, args.verbose)
    found = 0
    what_if = None
    pages = 0
    shot = None
    # Last resort against a hang anywhere: the load time-out, plus time for the other steps.
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(int(args.timeout * 3 + 30))
    try:
        check.start()
        if check.open():
            found = check.check_texts(expected)
            shot = check.screenshot(shot_path)
            print("screenshot: %s" % shot_path)
            what_if = check.what_if()
            if what_if:
                check.evaluate("new Promise(r => setTimeout(r, 100))")
            if args.hostile:
                check.hostile()
            pages = check.pdf()
            # Events that arrived with the last answers (a late error, a late request).
            check.evaluate("new Promise(r => setTimeout(r, 50))")
    except Timeout as e:
        check.fail("time-out: %s; Chromium killed" % e)
    except BrowserGone as e:
        check.fail(str(e))
        tail = check.stderr_tail()
        if tail:
            check.fail("Chromium's last words:\n" + tail)
    except (RuntimeError, OSError, ValueError, KeyError) as e:
        check.fail("protocol: %s" % e)
    finally:
        signal.alarm(0)
        check.stop()

    elapsed = time.monotonic() - started
    for f in check.failures:
        print("FAIL: " + f)
    parts = ["%d/%d expected texts" % (found, len(expected))]
    if what_if:
        parts.append("what-if: %d sliders, %d leaders seen, first %r" % (
            len(what_if.get("sliders", [])), what_if.get("winners", 0), what_if.get("initial")))
    else:
        parts.append("no what-if panel")
    if args.hostile:
        parts.append("hostile checks")
    if check.data_urls:
        parts.append("%d data: URLs" % check.data_urls)
    if shot:
        parts.append("screenshot %dx%d%s" % (shot[0], shot[1],
                                              " (scaled %.2f)" % shot[2] if shot[2] < 1 else ""))
    parts.append("PDF %d page%s" % (pages, "" if pages == 1 else "s"))
    status = "FAIL (%d failures)" % len(check.failures) if check.failures else "PASS"
    print("check_html: %s %s: %s; %.1f s" % (status, args.html, ", ".join(parts), elapsed))
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
