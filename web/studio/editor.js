// The editor: CodeMirror 6 with YAML highlighting, line numbers, the
// checker's diagnostics as underlines (message on hover) and completion of
// keys and of the scenario's own ids.

import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { setDiagnostics, lintGutter, forEachDiagnostic } from "@codemirror/lint";
import { autocompletion } from "@codemirror/autocomplete";
import { scenarioCompletions } from "./complete.js";

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "15px", backgroundColor: "#fffdf8", color: "#2b2118" },
  ".cm-scroller": { fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace", lineHeight: "1.5" },
  ".cm-gutters": { backgroundColor: "#f2e8d5", color: "#5a4a3a", borderRight: "1px solid #c9b99a" },
  ".cm-activeLineGutter": { backgroundColor: "#e4d5b7", color: "#2b2118" },
  ".cm-activeLine": { backgroundColor: "#f7f0e0" },
  "&.cm-focused": { outline: "3px solid #1f4e8c", outlineOffset: "-3px" },
  ".cm-tooltip": { fontSize: "14px", maxWidth: "40em" },
  ".cm-diagnostic": { whiteSpace: "pre-wrap" },
  ".cm-tooltip-autocomplete ul li[aria-selected]": { background: "#1f4e8c", color: "#fff" },
  ".cm-completionDetail": { color: "#5a4a3a", fontStyle: "italic" },
  // The detail of the highlighted completion, on its blue: white as the label (5a4a3a is 1.02:1 there).
  ".cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail": { color: "#fff" },
});

// Editor wraps one CodeMirror view. onChange is called after every change
// of the text.
export class Editor {
  constructor(parent, { onChange, outline }) {
    this.onChange = onChange;
    this.outline = outline; // () => the last outline the checker gave
    this.view = new EditorView({
      parent,
      state: this.makeState(""),
    });
  }

  makeState(text) {
    return EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        keymap.of([indentWithTab]),
        EditorState.tabSize.of(2),
        yaml(),
        lintGutter(),
        autocompletion({ override: [(ctx) => scenarioCompletions(ctx, this.outline())], activateOnTyping: true }),
        theme,
        EditorView.lineWrapping,
        // tabindex 0: the text is in the Tab order as any field, so its scrolling pane counts as
        // reachable by the keyboard (axe's scrollable-region-focusable).
        EditorView.contentAttributes.of({ "aria-label": "Scenario text (YAML). Tab indents; press Escape, then Tab, to leave the editor.", tabindex: "0" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) this.onChange(u);
        }),
      ],
    });
  }

  // setText replaces the whole text; the undo history starts again.
  setText(text) {
    this.view.setState(this.makeState(text));
  }

  text() {
    return this.view.state.doc.toString();
  }

  focus() {
    this.view.focus();
  }

  // posOf turns a checker position (1-based line and column, the column
  // counted in characters) into an offset in the text.
  posOf(line, col) {
    const doc = this.view.state.doc;
    const l = doc.line(Math.max(1, Math.min(line || 1, doc.lines)));
    let off = 0;
    let n = 1;
    for (const ch of l.text) {
      if (n >= (col || 1)) break;
      off += ch.length;
      n++;
    }
    return l.from + off;
  }

  // goTo puts the cursor at a position, scrolls it into view and focuses the editor.
  goTo(line, col) {
    const pos = this.posOf(line, col);
    this.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
    this.view.focus();
  }

  // cursor is the cursor's line and column (1-based, the column in characters).
  cursor() {
    const pos = this.view.state.selection.main.head;
    const l = this.view.state.doc.lineAt(pos);
    return { line: l.number, column: [...l.text.slice(0, pos - l.from)].length + 1 };
  }

  underlines() {
    const out = [];
    const doc = this.view.state.doc;
    forEachDiagnostic(this.view.state, (d, from, to) => {
      out.push({ line: doc.lineAt(from).number, severity: d.severity, text: doc.sliceString(from, to) });
    });
    return out;
  }

  // showDiagnostics underlines the checker's problems: from the column to
  // the end of the word there (or the whole line when the column is at its end).
  showDiagnostics(diags) {
    const doc = this.view.state.doc;
    const out = [];
    for (const d of diags) {
      if (d.line > doc.lines) continue;
      const l = doc.line(Math.max(1, d.line));
      let from = this.posOf(d.line, d.column);
      let to = from;
      while (to < l.to && !/\s/.test(doc.sliceString(to, to + 1))) to++;
      if (to === from) {
        from = l.from;
        to = l.to;
      }
      out.push({ from, to, severity: d.severity === "warning" ? "warning" : "error", message: `${d.message} [${d.code}]`, source: "b3 check" });
    }
    this.view.dispatch(setDiagnostics(this.view.state, out));
  }
}
