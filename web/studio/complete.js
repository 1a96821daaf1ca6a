// Completion of a scenario's keys (from the checker's list of the keys each
// part may have) and of its own ids (meters, flags, events, endings,
// characters, sources), chosen by where the cursor is in the YAML.

const kinds = ["letter", "telegram", "meeting", "report", "news"];
const emblems = ["monogram", "star", "eagle", "lion", "shield", "dove"];

// parse reads what matters of one line: where it starts, whether it is a
// list item ("- "), its key and the column of that key.
function parse(text) {
  const m = /^(\s*)(-\s+)?(?:([A-Za-z0-9_-]+)\s*:(?:\s|$))?/.exec(text);
  const lead = m[1].length;
  const dash = !!m[2];
  return { lead, dash, keyCol: lead + (dash ? m[2].length : 0), key: m[3] || "", opens: !!m[3] && /:\s*(#.*)?$/.test(text) };
}

function blank(text) {
  return !text.trim() || /^\s*#/.test(text);
}

// path returns the keys that enclose a position, outermost first; list
// items show as "-". col is the column the line's content starts at and
// dash whether the line is a list item.
function path(doc, lineNo, col, dash) {
  const out = [];
  let lookingFor = dash ? "item" : "key";
  let c = col;
  if (dash) out.unshift("-");
  for (let n = lineNo - 1; n >= 1 && c > 0; n--) {
    const text = doc.line(n).text;
    if (blank(text)) continue;
    const l = parse(text);
    if (lookingFor === "key") {
      if (l.dash && l.keyCol === c) {
        // a sibling key of the same list item: we are inside that item
        out.unshift("-");
        lookingFor = "item";
        c = l.lead;
        continue;
      }
      if (l.keyCol < c && l.key) {
        out.unshift(l.key);
        c = l.keyCol;
        if (l.dash) {
          out.unshift("-");
          lookingFor = "item";
          c = l.lead;
        }
      }
    } else {
      if (l.dash && l.lead === c) continue; // a sibling item
      if (l.keyCol <= c && l.key && !l.dash) {
        out.unshift(l.key);
        lookingFor = "key";
        c = l.keyCol;
      } else if (l.dash && l.lead < c && l.key) {
        // `- choices:` with the list below it
        out.unshift(l.key);
        out.unshift("-");
        c = l.lead;
      }
    }
  }
  return out;
}

// section names the part of a scenario a path leads into, as the checker's
// key lists name them, or "effects" and "reactions" (keyed by ids).
function section(p) {
  const s = p.join("/");
  switch (s) {
    case "": return "scenario";
    case "labels": return "labels";
    case "events/-": return "event";
    case "events/-/choices/-": return "choice";
    case "triggers/-": return "trigger";
    case "endings/-": return "ending";
  }
  if (p.length === 2 && p[0] === "characters") return "character";
  if (p.length === 2 && p[0] === "meters") return "meter";
  if (p.length === 2 && p[0] === "sources") return "source";
  const last = p[p.length - 1];
  if (last === "effects" || last === "reactions") return last;
  return "";
}

function items(list, type, detail) {
  return (list || []).map((it) => ({ label: it.id, type, detail: detail || it.title || "" }));
}

function keyOptions(sec, o) {
  if (sec === "effects") return items(o.meters, "variable", "meter");
  if (sec === "reactions") return items(o.characters, "class", "character");
  return ((o.keys || {})[sec] || []).map((k) => ({ label: k, type: "property", apply: k + ": " }));
}

// valuesFor lists what may follow `key: ` in a part of the scenario.
function valuesFor(key, sec, o) {
  switch (key) {
    case "next":
    case "goto":
      return [...items(o.events, "variable", "event"), ...items(o.endings, "constant", "ending"),
        { label: "end", type: "keyword", detail: "the first ending whose if holds" }];
    case "start":
      return items(o.events, "variable", "event");
    case "from":
    case "to":
    case "player":
      return items(o.characters, "class", "character");
    case "source":
    case "history_source":
      return items(o.sources, "text", "source");
    case "set":
    case "clear":
      return items(o.flags, "variable", "flag");
    case "kind":
      return kinds.map((k) => ({ label: k, type: "keyword" }));
    case "emblem":
      return emblems.map((k) => ({ label: k, type: "keyword" }));
    case "historical":
    case "hidden":
    case "invented":
      return ["true", "false"].map((k) => ({ label: k, type: "keyword" }));
    case "if":
      return [...items(o.meters, "variable", "meter"), ...items(o.flags, "variable", "flag"),
        ...["and", "or", "not"].map((k) => ({ label: k, type: "keyword" }))];
  }
  return [];
}

// scenarioCompletions is a CodeMirror completion source; outline is the
// checker's last list of the scenario's ids and keys.
export function scenarioCompletions(ctx, outline) {
  const o = outline || {};
  const doc = ctx.state.doc;
  const line = doc.lineAt(ctx.pos);
  const before = line.text.slice(0, ctx.pos - line.from);
  if (before.replace(/"[^"]*"|'[^']*'/g, "").includes("#")) return null; // in a comment
  const word = ctx.matchBefore(/[A-Za-z0-9_-]*/);
  const l = parse(before);
  const result = (options, valid) => {
    if (!options.length) return null;
    if (!ctx.explicit && word.from === word.to && !/[{,[:]\s*$|^\s*(-\s+)?$/.test(before)) return null;
    return { from: word.from, options, validFor: valid || /^[A-Za-z0-9_-]*$/ };
  };

  // A key at the start of a line, or after "- ".
  const keyAt = /^(\s*)(-\s+)?([A-Za-z0-9_]*)$/.exec(before);
  if (keyAt) {
    const dash = !!keyAt[2];
    const col = keyAt[1].length + (dash ? keyAt[2].length : 0);
    const p = path(doc, line.number, dash ? keyAt[1].length : col, dash);
    if (!ctx.explicit && word.from === word.to) return null;
    return result(keyOptions(section(p), o));
  }
  const p = path(doc, line.number, l.dash ? l.lead : l.keyCol, l.dash);
  const lineKey = l.key;

  // Inside a flow map, `{name: ..., emblem: st`.
  const openBrace = before.lastIndexOf("{");
  if (openBrace > before.lastIndexOf("}")) {
    const seg = before.slice(Math.max(openBrace, before.lastIndexOf(",")) + 1);
    const inner = p.concat([lineKey]);
    if (!seg.includes(":")) return result(keyOptions(section(inner), o));
    const key = seg.slice(0, seg.indexOf(":")).trim();
    return result(valuesFor(key, section(inner), o));
  }
  // Inside a flow list, `set: [a, b`.
  const openBracket = before.lastIndexOf("[");
  if (openBracket > before.lastIndexOf("]")) return result(valuesFor(lineKey, section(p), o));
  // After `key: `.
  if (lineKey && before.length > l.keyCol + lineKey.length) return result(valuesFor(lineKey, section(p), o));
  return null;
}

export const forTests = { path, section, parse };
