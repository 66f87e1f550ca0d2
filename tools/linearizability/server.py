"""One `cdc server` process the run owns: started on a free port and a data
dir of its own, SIGKILLed and restarted on the same port and data dir."""

import http.client
import os
import signal
import socket
import subprocess
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, data_dir, log_path):
        self.binary, self.data_dir, self.log_path = binary, data_dir, log_path
        self.port = free_port()
        self.proc = None

    def start(self, ready_within=30.0):
        log = open(self.log_path, "a")
        self.proc = subprocess.Popen([self.binary, "server", f"--addr=127.0.0.1:{self.port}",
                                      f"--data-dir={self.data_dir}", "--log-level=warn"],
                                     stdout=log, stderr=subprocess.STDOUT)
        log.close()
        self._wait_ready(ready_within)

    def _wait_ready(self, within):
        """Until the feeds are loaded: the list answers 503 before."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"cdc server exited with {self.proc.returncode}; see {self.log_path}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/api/v2/changefeeds?state=all")
                if c.getresponse().status == 200:
                    c.close()
                    return
                c.close()
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"cdc server not ready on port {self.port} within {within}s; see {self.log_path}")

    def kill(self):
        """SIGKILL, and return once the process is gone: nothing it had not
        done by then can happen any more."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
