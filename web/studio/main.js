// The Studio: teachers write, check, explore and try a scenario in the
// browser. This module ties the parts together: the editor, the checker in
// its worker, the drafts in IndexedDB, real files, the Problems list, the
// Try it, Explore and Graph panes, and window.bigthree.studio, the test
// interface.

import "./studio.css";
import { Editor } from "./editor.js";
import { Checker } from "./checker.js";
import { Drafts } from "./drafts.js";
import { openFile, saveFile } from "./files.js";
import { renderExplore } from "./explore.js";
import { Graph } from "./graph.js";
import { Play } from "./play.js";

const $ = (id) => document.getElementById(id);
const encoder = new TextEncoder();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

// PAUSE is how long typing must pause before the exploration of a full
// check starts; the loader's and the structure's problems come at once.
const PAUSE = 300;

// doc is the scenario being edited.
const doc = {
  name: "my-scenario.yaml",
  // original holds the bytes of the file as opened, until the first edit:
  // the checker reads exactly what is in the file (its encoding, a BOM).
  original: null,
  bom: false,
  crlf: false,
  handle: null,
  version: 0,
  savedText: null,
  editedAt: 0,
};

// analysis is what the checker said about one version of the text.
let analysis = { version: -1 };
let lastGood = null; // {name, text} of the newest version without errors
let outline = {};
let running = false;
const waiters = [];
const timings = [];

const checker = new Checker();
const editor = new Editor($("editor-area"), { onChange: edited, outline: () => outline });
const drafts = new Drafts(storageWarning);
const graph = new Graph($("graph-out"), (id) => goToId(id));
const play = new Play($("play-frame"), (text) => {
  $("play-notice").textContent = text || "";
});

function storageWarning(text) {
  const w = $("storage-warning");
  w.textContent = text;
  w.hidden = !text;
}

// ---- the text ----

function decode(bytes) {
  let text;
  let utf8 = true;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    utf8 = false;
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  const bom = text.startsWith("\uFEFF");
  if (bom) text = text.slice(1);
  const crlf = /\r\n/.test(text);
  return { text: text.replace(/\r\n?/g, "\n"), bom, crlf, utf8 };
}

// bytesToCheck is what the checker reads: the file's own bytes until the
// first edit, then the editor's text.
function bytesToCheck() {
  return doc.original || encoder.encode(editor.text());
}

// bytesToSave is the file to write: the text with the file's own line
// endings and BOM kept.
function bytesToSave() {
  if (doc.original) return doc.original;
  let text = editor.text();
  if (doc.crlf) text = text.replace(/\n/g, "\r\n");
  return encoder.encode((doc.bom ? "\uFEFF" : "") + text);
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// load replaces the text (a file opened, a template, a restored version),
// keeping the text it replaces as a version first.
async function load(name, bytes, { handle = null, why = "", saved = false } = {}) {
  await drafts.remember(doc.name, editor.text(), why || "before " + name + " replaced it");
  const d = decode(bytes);
  doc.name = name;
  doc.handle = handle;
  doc.bom = d.bom;
  doc.crlf = d.crlf;
  doc.original = sameBytes(encoder.encode(d.text), bytes) ? null : bytes;
  doc.savedText = saved ? d.text : null;
  editor.setText(d.text);
  changed();
  $("file-name").textContent = name;
  announce(d.utf8 ? "" : "This file is not saved as UTF-8: the Studio shows it as Windows-1252 (Latin-1) text, and any change writes it as UTF-8.");
  if (!d.utf8) storageWarning("“" + name + "” is not saved as UTF-8 text. The Studio shows it as Windows-1252 (Latin-1); make any change, then Save, to keep it as UTF-8.");
  drafts.keep(draftRecord("when it was opened"), true);
}

function draftRecord(milestone) {
  return { name: doc.name, text: editor.text(), handle: doc.handle, milestone: milestone || "" };
}

function edited() {
  doc.original = null;
  changed();
  drafts.keep(draftRecord());
}

function changed() {
  doc.version++;
  doc.editedAt = performance.now();
  timings.push({ version: doc.version, edit: doc.editedAt });
  if (timings.length > 200) timings.shift();
  showSaveState();
  analyse();
}

function showSaveState() {
  const text = editor.text();
  let s = drafts.off ? "not kept in this browser" : "kept in this browser";
  if (doc.savedText !== null) s += doc.savedText === text ? " · saved to the file" : " · changed since the last Save";
  else s += " · not saved to a file yet";
  $("save-state").textContent = s;
}

// ---- checking ----

function timing(version) {
  return timings.find((t) => t.version === version);
}

async function analyse() {
  if (running) return;
  running = true;
  try {
    for (;;) {
      const v = doc.version;
      const name = doc.name;
      const bytes = bytesToCheck();
      if (analysis.version !== v) {
        const q = await checker.run("quick", name, bytes);
        if (doc.version !== v) continue;
        analysis = { version: v, quick: q.result.check, final: null, explore: null, dot: null, text: editor.text() };
        if (q.result.outline.events.length || q.result.check.errors === 0) outline = q.result.outline;
        analysis.historical = q.result.outline.historical;
        showDiagnostics(analysis.quick.diagnostics, true);
        await nextPaint();
        const t = timing(v);
        if (t) Object.assign(t, { quick: performance.now() - t.edit, quickWorker: q.ms });
      }
      if (!analysis.final) {
        const wait = doc.editedAt + PAUSE - performance.now();
        if (wait > 0) {
          await sleep(wait);
          if (doc.version !== v) continue;
        }
        const c = await checker.run("check", name, bytes);
        if (doc.version !== v) continue;
        analysis.final = c.result;
        showDiagnostics(c.result.diagnostics, false);
        await nextPaint();
        const t = timing(v);
        if (t) Object.assign(t, { check: performance.now() - t.edit, checkWorker: c.ms });
        settle("final", c.result.diagnostics);
        finalChecked();
      }
      if (!analysis.explore && wants("explore")) {
        const e = await checker.run("explore", name, bytes);
        if (doc.version !== v) continue;
        analysis.explore = e.result;
        renderExplore($("explore-out"), e.result, outline, analysis.historical, (line) => editor.goTo(line, 1));
        const t = timing(v);
        if (t) Object.assign(t, { explore: performance.now() - t.edit, exploreWorker: e.ms });
        settle("explore", e.result);
      }
      if (analysis.dot === null && wants("graph")) {
        const g = await checker.run("graph", name, bytes);
        if (doc.version !== v) continue;
        analysis.dot = g.result;
        await graph.show(g.result);
        settle("graph", { dot: g.result, drawn: !!graph.svg });
      }
      break;
    }
  } catch (e) {
    $("problems-summary").textContent = /call stack/i.test(e.message)
      ? "This scenario is too large for the checker in this browser (it ran out of stack). The teachers' tool b3 check can check it. The checker starts again with your next change."
      : "The checker stopped (" + e.message.split("\n")[0] + "). It starts again with your next change.";
    analysis = { version: doc.version, failed: true, final: null };
    for (const w of waiters.splice(0)) w.reject(e);
  } finally {
    running = false;
  }
  if (analysis.version !== doc.version && !analysis.failed) analyse();
}

function wants(kind) {
  if (waiters.some((w) => w.kind === kind)) return true;
  if (kind === "explore") return !$("pane-explore").hidden;
  if (kind === "graph") return !$("pane-graph").hidden;
  return false;
}

// settle answers everyone waiting for a kind of result: those who asked
// about an older text get the newest one's.
function settle(kind, value) {
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i].kind === kind) {
      waiters[i].resolve(value);
      waiters.splice(i, 1);
    }
  }
}

// result resolves to the checker's final word of a kind on the current text.
function result(kind) {
  const have = { final: analysis.final && analysis.final.diagnostics, explore: analysis.explore,
    graph: analysis.dot !== null && analysis.dot !== undefined ? { dot: analysis.dot, drawn: !!graph.svg } : null }[kind];
  if (analysis.version === doc.version && have) return Promise.resolve(have);
  return new Promise((resolve, reject) => {
    waiters.push({ kind, resolve, reject });
    if (analysis.failed) analysis = { version: -1 };
    analyse();
  });
}

function plural(n, word) {
  return n === 1 ? "1 " + word : n + " " + word + "s";
}

function showDiagnostics(diags, pending) {
  editor.showDiagnostics(diags);
  const errors = diags.filter((d) => d.severity === "error").length;
  const warnings = diags.length - errors;
  let summary;
  if (!diags.length) {
    const f = analysis.final && analysis.final.files[0];
    summary = pending ? "No problems so far; now trying every path…" :
      `No problems: the scenario is ready to play${f ? ` (${plural(f.events, "event")}, ${plural(f.endings, "ending")})` : ""}.`;
  } else {
    summary = `${plural(errors, "error")}, ${plural(warnings, "warning")}.`;
    if (errors) summary += " Errors stop the scenario from being played; warnings point at what is probably a mistake.";
    if (pending) summary += " Still trying the paths…";
  }
  $("problems-summary").textContent = summary;
  const list = $("problems-list");
  list.replaceChildren();
  for (const d of diags) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = "problem " + d.severity;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = `Line ${d.line}, column ${d.column}`;
    const sev = document.createElement("span");
    sev.className = "sev";
    sev.textContent = d.severity === "error" ? "Error" : "Warning";
    const msg = document.createElement("span");
    msg.className = "msg";
    msg.textContent = d.message + " ";
    const code = document.createElement("code");
    code.textContent = d.code;
    msg.append(code);
    b.append(sev, where, msg);
    b.addEventListener("click", () => editor.goTo(d.line, d.column));
    li.append(b);
    list.append(li);
  }
}

// finalChecked runs after the full check of a version: the Play pane takes
// a text without errors, and keeps the last good one otherwise.
function finalChecked() {
  const f = analysis.final;
  if (f.errors === 0) {
    lastGood = { name: doc.name, text: new TextDecoder().decode(bytesToCheck()) };
    if (play.started) play.load(lastGood.name, lastGood.text, true).catch(playFailed);
  } else if (play.started) {
    $("play-notice").textContent = "Your text has " + plural(f.errors, "error") +
      " (see Problems): the game goes on with the last version that had none, and takes your changes once they are fixed.";
  }
}

function playFailed(e) {
  $("play-notice").textContent = "The game could not be started: " + e.message + ".";
}

async function startPlay() {
  const f = await result("final");
  $("play-intro").hidden = true;
  $("play-bar").hidden = false;
  if (f.some((d) => d.severity === "error") && !lastGood) {
    $("play-notice").textContent = "The scenario has errors, so it cannot be played yet: fix the problems listed under Problems, and the game starts.";
    play.start().catch(playFailed);
    return;
  }
  const good = lastGood;
  $("play-notice").textContent = "Loading the game…";
  await play.load(good.name, good.text, false).catch(playFailed);
}

// ---- ids: jumping from the graph ----

function goToId(id) {
  const ending = id.startsWith("ending:");
  const list = ending ? outline.endings : outline.events;
  const it = (list || []).find((x) => x.id === (ending ? id.slice(7) : id));
  if (it) editor.goTo(it.line, 1);
}

// ---- tabs ----

const tabs = ["play", "explore", "graph"];
function selectTab(name, focus) {
  for (const t of tabs) {
    const on = t === name;
    $("tab-" + t).setAttribute("aria-selected", String(on));
    $("tab-" + t).tabIndex = on ? 0 : -1;
    $("pane-" + t).hidden = !on;
  }
  if (focus) $("tab-" + name).focus();
  if (name === "graph" && graph.svg) graph.fit();
  analyse();
}
for (const t of tabs) {
  $("tab-" + t).addEventListener("click", () => selectTab(t));
  $("tab-" + t).addEventListener("keydown", (e) => {
    const i = tabs.indexOf(t);
    const to = { ArrowRight: (i + 1) % 3, ArrowLeft: (i + 2) % 3, Home: 0, End: 2 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      selectTab(tabs[to], true);
    }
  });
}

// ---- files and templates ----

function announce(text) {
  $("announce").textContent = text;
}

async function template(file, name, why) {
  const resp = await fetch("scenarios/" + file, { cache: "no-cache" });
  if (!resp.ok) throw new Error("could not fetch " + file + ": HTTP " + resp.status);
  await load(name, new Uint8Array(await resp.arrayBuffer()), { why });
  editor.focus();
}

async function doOpen() {
  try {
    const f = await openFile($("file-input"));
    if (!f) return false;
    await load(f.name, f.bytes, { handle: f.handle, why: "before opening " + f.name, saved: true });
    editor.focus();
    return true;
  } catch (e) {
    announce("The file could not be opened: " + e.message);
    storageWarning("The file could not be opened: " + e.message);
    return false;
  }
}

async function doSave(pickNew) {
  try {
    const r = await saveFile(doc.name, bytesToSave(), doc.handle, pickNew);
    if (!r) return;
    doc.name = r.name;
    doc.handle = r.handle;
    doc.savedText = editor.text();
    $("file-name").textContent = doc.name;
    await drafts.remember(doc.name, editor.text(), r.how === "saved" ? "when it was saved to a file" : "when it was downloaded");
    drafts.keep(draftRecord(), true);
    showSaveState();
    announce(r.how === "saved" ? "Saved to " + r.name + "." : "Downloaded " + r.name + ": it is in your Downloads folder.");
  } catch (e) {
    announce("The file could not be saved: " + e.message);
    storageWarning("The file could not be saved: " + e.message + ". Try Save as… and pick another place.");
  }
}

$("open").addEventListener("click", doOpen);
$("save").addEventListener("click", () => doSave(false));
$("save-as").addEventListener("click", () => doSave(true));
$("new").addEventListener("click", () => showStart(null));
$("versions").addEventListener("click", showVersions);
$("play-start").addEventListener("click", startPlay);
$("play-restart").addEventListener("click", () => {
  if (lastGood) play.load(lastGood.name, lastGood.text, false).catch(playFailed);
});
$("zoom-in").addEventListener("click", () => graph.zoom(1 / 1.3));
$("zoom-out").addEventListener("click", () => graph.zoom(1.3));
$("zoom-fit").addEventListener("click", () => graph.fit());
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "s") {
    e.preventDefault();
    doSave(false);
  } else if ((e.ctrlKey || e.metaKey) && e.key === "o") {
    e.preventDefault();
    doOpen();
  }
});

// ---- the start dialog and the versions ----

function when(t) {
  const d = new Date(t);
  const today = new Date().toDateString() === d.toDateString();
  return today ? "today at " + d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : d.toLocaleString();
}

function showStart(draft) {
  const dlg = $("start-dialog");
  $("start-draft").hidden = !draft;
  if (draft) {
    $("draft-name").textContent = draft.name;
    $("draft-time").textContent = when(draft.time);
  }
  dlg.returnValue = "";
  dlg.showModal();
  (draft ? $("start-continue") : $("start-example")).focus();
}

function closeStart() {
  $("start-dialog").close();
}

$("start-example").addEventListener("click", () => { closeStart(); template("example.yaml", "my-scenario.yaml", "before starting from the example"); });
$("start-campaign").addEventListener("click", () => { closeStart(); template("big-three.yaml", "big-three-copy.yaml", "before starting from the campaign"); });
$("start-open").addEventListener("click", async () => {
  closeStart();
  if (!(await doOpen()) && !editor.text()) showStart(null);
});
$("start-continue").addEventListener("click", () => {
  closeStart();
  editor.focus();
});

async function showVersions() {
  await drafts.flush();
  const list = $("versions-list");
  list.replaceChildren();
  const versions = await drafts.versions();
  if (!versions.length) {
    const li = document.createElement("li");
    li.textContent = drafts.off ? "This browser keeps no versions (its storage is off)." : "No earlier version yet: one is kept every few minutes while you write, and before a file or a template replaces your text.";
    list.append(li);
  }
  for (const v of versions) {
    const li = document.createElement("li");
    const title = (/^title:\s*"?([^"\n]*)/m.exec(v.text) || [])[1] || "";
    const info = document.createElement("span");
    info.textContent = `${when(v.time)}: ${v.name}${title ? ", “" + title + "”" : ""}, ${v.text.split("\n").length} lines${v.why ? " (kept " + v.why + ")" : ""}`;
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = "Restore";
    b.setAttribute("aria-label", "Restore the version of " + when(v.time));
    b.addEventListener("click", async () => {
      $("versions-dialog").close();
      await load(v.name, encoder.encode(v.text), { why: "before restoring an earlier version", handle: doc.name === v.name ? doc.handle : null });
      editor.focus();
    });
    li.append(info, " ", b);
    list.append(li);
  }
  $("versions-dialog").showModal();
}

// ---- the test interface ----

window.bigthree = window.bigthree || {};
window.bigthree.studio = {
  // setText replaces the text, as opening a file does: text is a string or
  // the bytes of a file (Uint8Array); name defaults to the current name.
  setText(text, name) {
    const bytes = typeof text === "string" ? encoder.encode(text) : new Uint8Array(text);
    return load(name || doc.name, bytes, { why: "before setText" });
  },
  text: () => editor.text(),
  name: () => doc.name,
  // goTo puts the cursor at a line and column (1-based), as a click on a problem does.
  goTo: (line, col) => editor.goTo(line, col),
  cursor: () => editor.cursor(),
  // underlines lists the problems marked in the text: line, severity and the text marked.
  underlines: () => editor.underlines(),
  // diagnostics resolves to the diagnostics of `b3 check -json` on the text.
  diagnostics: () => result("final"),
  // quick is what is shown before the exploration ends.
  quick: () => (analysis.quick ? analysis.quick.diagnostics : null),
  // explore resolves to the object of `b3 explore -json` on the text.
  explore: () => result("explore"),
  // graph resolves to the DOT of `b3 graph` and whether the SVG is drawn.
  graph: () => result("graph"),
  // play shows the Try it pane, starts the game on the text and resolves
  // to the game's state once it plays it.
  async play() {
    selectTab("play");
    if (!play.started || !play.loaded) await startPlay();
    else await play.queue;
    return play.state();
  },
  playState: () => play.state(),
  timings: () => timings.filter((t) => t.quick !== undefined).map((t) => ({ ...t })),
  storage: () => ({ off: drafts.off, warning: $("storage-warning").hidden ? "" : $("storage-warning").textContent }),
  versions: () => drafts.versions().then((vs) => vs.map((v) => ({ time: v.time, name: v.name, why: v.why, length: v.text.length }))),
  ready: null,
};

// ---- start ----

window.bigthree.studio.ready = (async () => {
  checker.start();
  await drafts.open();
  const draft = await drafts.current();
  if (draft && draft.text) {
    doc.handle = draft.handle || null;
    doc.name = draft.name;
    $("file-name").textContent = draft.name;
    editor.setText(draft.text);
    changed();
    showStart(draft);
  } else {
    changed();
    showStart(null);
  }
})();
