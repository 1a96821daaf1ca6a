// Checker is the page's side of the checker's Web Worker (worker.js): it
// sends one request at a time and starts a fresh worker when the old one
// failed, so a crash in one check never stops the next.

export class Checker {
  constructor(url = "studio-worker.js") {
    this.url = url;
    this.worker = null;
    this.next = 1;
    this.waiting = new Map();
  }

  start() {
    if (this.worker) return;
    this.worker = new Worker(this.url);
    this.worker.onmessage = (ev) => {
      const { id, ok, result, error, ms } = ev.data;
      const w = this.waiting.get(id);
      if (!w) return;
      this.waiting.delete(id);
      if (ok) w.resolve({ result, ms });
      else {
        w.reject(new Error(error));
        // After a crash (a stack overflow on a huge scenario) the Go program cannot go on.
        if (/exited|could not be loaded|unreachable|call stack/i.test(error)) this.restart();
      }
    };
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      this.restart(new Error("the checker stopped: " + (ev.message || "unknown error")));
    };
  }

  restart(err) {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(err || new Error("the checker was restarted"));
    this.waiting.clear();
  }

  // run asks the worker for one report (quick, check, explore or graph) on
  // a file's bytes; it resolves to {result, ms}.
  run(op, name, bytes) {
    this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, name, bytes });
    });
  }
}
