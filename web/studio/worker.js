// The Studio's checker runs here, in a Web Worker, so that checking never
// blocks typing. It is studiocheck.wasm: the b3 packages compiled to
// WebAssembly, the same code as `b3 check -json`, `b3 explore -json` and
// `b3 graph`. Requests are {id, op, name, bytes}; answers {id, ok, result, ms}
// or {id, ok: false, error}. They are handled one at a time, in order.
/* global Go, importScripts */

importScripts("wasm_exec.js");

const ready = (async () => {
  const go = new Go();
  // Fewer collections: a check allocates a lot and the worker has memory to spare.
  go.env = { GOGC: "400" };
  const resp = fetch("studiocheck.wasm");
  let instance;
  if (WebAssembly.instantiateStreaming) {
    ({ instance } = await WebAssembly.instantiateStreaming(resp, go.importObject));
  } else {
    const bytes = await (await resp).arrayBuffer();
    ({ instance } = await WebAssembly.instantiate(bytes, go.importObject));
  }
  go.run(instance); // installs self.bigthreeChecker, then waits for calls
  if (!self.bigthreeChecker) throw new Error("the checker did not start");
  return self.bigthreeChecker;
})();

self.onmessage = async (ev) => {
  const { id, op, name, bytes } = ev.data;
  let checker;
  try {
    checker = await ready;
  } catch (e) {
    self.postMessage({ id, ok: false, error: "The checker could not be loaded: " + e });
    return;
  }
  const t0 = performance.now();
  try {
    const out = checker[op](name, bytes);
    const result = op === "graph" ? out : JSON.parse(out);
    self.postMessage({ id, ok: true, result, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id, ok: false, error: String(e && e.stack || e) });
  }
};
