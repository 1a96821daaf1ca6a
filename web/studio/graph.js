// The Graph pane: the DOT of `b3 graph`, laid out by Graphviz (compiled to
// WebAssembly, @viz-js/viz, fetched the first time the graph is shown),
// drawn as SVG that can be dragged, zoomed and clicked: a click on an
// event or an ending shows its line in the editor.

let vizPromise = null;

function viz() {
  if (!vizPromise) vizPromise = import("@viz-js/viz").then((m) => m.instance());
  return vizPromise;
}

export class Graph {
  constructor(out, goTo) {
    this.out = out;
    this.goTo = goTo; // (id) jumps to the event or ending
    this.svg = null;
    this.view = null; // {x, y, w, h}: the part of the drawing shown
    this.full = null;
    this.dot = "";
    this.drag = null;
    out.addEventListener("wheel", (e) => {
      if (!this.svg) return;
      e.preventDefault();
      const r = this.svg.getBoundingClientRect();
      this.zoom(e.deltaY < 0 ? 1 / 1.2 : 1.2, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
    }, { passive: false });
    out.addEventListener("pointerdown", (e) => {
      if (!this.svg || e.button !== 0 || e.target.closest(".node")) return;
      this.drag = { x: e.clientX, y: e.clientY, view: { ...this.view } };
      out.setPointerCapture(e.pointerId);
    });
    out.addEventListener("pointermove", (e) => {
      if (!this.drag) return;
      const r = this.svg.getBoundingClientRect();
      const k = this.view.w / r.width;
      this.view.x = this.drag.view.x - (e.clientX - this.drag.x) * k;
      this.view.y = this.drag.view.y - (e.clientY - this.drag.y) * k;
      this.apply();
    });
    out.addEventListener("pointerup", () => (this.drag = null));
    out.addEventListener("keydown", (e) => {
      if (!this.svg || e.target.closest(".node")) return;
      const step = this.view.w / 10;
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (moves[e.key]) {
        this.view.x += moves[e.key][0];
        this.view.y += moves[e.key][1];
        this.apply();
        e.preventDefault();
      } else if (e.key === "+" || e.key === "=") { this.zoom(1 / 1.2); e.preventDefault(); }
      else if (e.key === "-") { this.zoom(1.2); e.preventDefault(); }
    });
  }

  // show draws the DOT (again only when it changed).
  async show(dot) {
    if (dot === this.dot && this.svg) return;
    this.dot = dot;
    if (!dot) {
      this.out.replaceChildren(Object.assign(document.createElement("p"), { className: "notice", textContent: "The graph is drawn once the scenario has no errors." }));
      this.svg = null;
      return;
    }
    if (!this.svg) this.out.replaceChildren(Object.assign(document.createElement("p"), { textContent: "Drawing the graph…" }));
    let svg;
    try {
      svg = (await viz()).renderSVGElement(dot);
    } catch (e) {
      this.out.replaceChildren(Object.assign(document.createElement("p"), { className: "notice", textContent: "The graph could not be drawn: " + e }));
      return;
    }
    if (dot !== this.dot) return; // a newer one is on its way
    const vb = svg.viewBox.baseVal;
    const keep = this.svg && this.view;
    this.full = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", "The branching graph of the scenario: each box an event, each arrow a reply or a move of the story");
    for (const node of svg.querySelectorAll("g.node")) {
      const id = node.querySelector("title")?.textContent || "";
      const label = [...node.querySelectorAll("text")].map((t) => t.textContent).join(" ");
      if (id === "start" || id === "end") continue;
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", label + " (show in the text)");
      node.dataset.id = id;
      node.addEventListener("click", () => this.goTo(id));
      node.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          this.goTo(id);
        }
      });
    }
    this.out.replaceChildren(svg);
    this.svg = svg;
    if (!keep) this.fit();
    else this.apply();
  }

  fit() {
    if (!this.full) return;
    const r = this.out.getBoundingClientRect();
    const f = this.full;
    // Fit the width, and show the top of a tall graph rather than a speck.
    const aspect = r.height > 0 ? r.width / r.height : 1;
    let w = f.w;
    let h = w / aspect;
    if (h > f.h && f.h * aspect >= f.w) {
      h = f.h;
      w = h * aspect;
    }
    this.view = { x: f.x - (w - f.w) / 2, y: f.y, w, h };
    this.apply();
  }

  zoom(k, fx = 0.5, fy = 0.5) {
    if (!this.view) return;
    const v = this.view;
    const w = Math.max(50, Math.min(v.w * k, this.full.w * 4));
    const h = (v.h * w) / v.w;
    v.x += (v.w - w) * fx;
    v.y += (v.h - h) * fy;
    v.w = w;
    v.h = h;
    this.apply();
  }

  apply() {
    const v = this.view;
    this.svg.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
  }
}
