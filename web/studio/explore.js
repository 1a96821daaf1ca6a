// The Explore pane: the report of `b3 explore -json`, in words and tables,
// with each event a link to its line in the editor.

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
}

const pct = (x) => (100 * x).toFixed(1).replace(/\.0$/, "") + "%";

// renderExplore fills out with the report. outline gives titles and lines;
// goTo(line) jumps to a line of the editor.
export function renderExplore(out, rep, outline, historical, goTo) {
  out.replaceChildren();
  if (rep.error) {
    out.append(el("p", { class: "notice" }, "The scenario cannot be explored while it has errors (" + rep.error + "). Fix them first: they are listed under Problems."));
    return;
  }
  const byId = (list) => Object.fromEntries((list || []).map((x) => [x.id, x]));
  const events = byId(outline.events);
  const endings = byId(outline.endings);
  const link = (id, what) => {
    const it = (what === "ending" ? endings : events)[id];
    if (!it) return document.createTextNode(id);
    return el("button", { type: "button", class: "link", title: "Show line " + it.line + " in the text", onclick: () => goTo(it.line) },
      it.title ? `${it.title} (${id})` : id);
  };

  out.append(el("h2", {}, "What happens when the scenario is played"));
  out.append(el("p", {}, rep.exhaustive
    ? `Every path was tried (${rep.states.toLocaleString("en")} different situations), so “never” below really means never. The shares come from ${rep.runs.toLocaleString("en")} playthroughs with random replies.`
    : `There are too many paths to try them all, so ${rep.runs.toLocaleString("en")} playthroughs with random replies decide: something rare may have been missed.`));
  if (rep.min_choices || rep.max_choices) out.append(el("p", {}, `A playthrough takes ${rep.min_choices} to ${rep.max_choices} replies.`));

  out.append(el("h3", {}, "Endings"));
  const table = el("table", { class: "endings" },
    el("caption", { class: "visually-hidden" }, "Endings and how often random playthroughs reach them"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Ending"), el("th", { scope: "col" }, "Share of playthroughs"))));
  const tb = el("tbody");
  for (const e of rep.endings) {
    const share = e.reachable ? (e.runs ? pct(e.share) : "reachable, but rare") : "never reached";
    const bar = el("span", { class: "bar", "aria-hidden": "true" }, el("span", { style: `width:${(100 * e.share).toFixed(1)}%` }));
    tb.append(el("tr", { class: e.reachable ? "" : "never" },
      el("td", {}, link(e.id, "ending"), e.historical ? el("span", { class: "tag" }, " historical") : null),
      el("td", {}, bar, " " + share)));
  }
  table.append(tb);
  out.append(table);

  if (historical) {
    out.append(el("h3", {}, "The historical path"));
    if (historical.ending) {
      out.append(el("p", {}, "Replying as history did at every event leads to the ending ", link(historical.ending, "ending"), "."));
    } else if (historical.stopped) {
      out.append(el("p", {}, "Replying as history did stops at ", link(historical.stopped, "event"),
        ": that event has no reply marked historical that is available then."));
    }
  }

  const list = (title, items, empty) => {
    out.append(el("h3", {}, title));
    if (!items.length) {
      out.append(el("p", { class: "good" }, empty));
      return;
    }
    const ul = el("ul");
    for (const it of items) ul.append(el("li", {}, ...it));
    out.append(ul);
  };
  list("Events nobody reaches", rep.events.filter((e) => !e.reached).map((e) => [link(e.id)]), "None: every event is reached.");
  const replies = [];
  for (const e of rep.events) for (const c of e.replies_never_available || []) replies.push([`reply “${c}” of `, link(e.id)]);
  list("Replies never available", replies, "None: every reply can be chosen.");
  const stuck = [
    ...rep.dead_ends.map((id) => [link(id), ": every reply is locked or hidden, and there is no next"]),
    ...rep.stuck.map((id) => [link(id), ": no ending can be reached from there"]),
  ];
  if (rep.runs_in_loops) stuck.push([`${rep.runs_in_loops} playthroughs went round in a loop`]);
  list("Dead ends and loops", stuck, "None.");

  const meters = (outline.meters || []).map((m) => m.id);
  if (meters.length) {
    out.append(el("h3", {}, "Meters when each event arrives (lowest–highest)"));
    const t = el("table", { class: "meters" },
      el("caption", { class: "visually-hidden" }, "The lowest and highest value of each meter when each event arrives"));
    const head = el("tr", {}, el("th", { scope: "col" }, "Event"), ...meters.map((m) => el("th", { scope: "col" }, m)));
    t.append(el("thead", {}, head));
    const body = el("tbody");
    for (const e of rep.events) {
      const cells = meters.map((m) => {
        const r = (e.meters_on_arrival || {})[m];
        if (!r || r.max < r.min) return el("td", {}, "–");
        return el("td", {}, r.min === r.max ? String(r.min) : `${r.min}–${r.max}`);
      });
      body.append(el("tr", { class: e.reached ? "" : "never" }, el("th", { scope: "row" }, link(e.id)), ...cells));
    }
    t.append(body);
    out.append(t);
  }
}
