// The text mirror: an accessible copy, in the page, of what the game draws on its canvas.
//
// The game publishes the text of every screen with its state hook (window.bigthree.state().screen,
// internal/contract's Screen) and calls window.bigthree.onscreen() when that text changes. This
// script writes it as headings, paragraphs and real buttons inside <main id="mirror">: a screen
// reader reads it, and a student who prefers browser text can show it (Settings, Plain-text view)
// beside the game or instead of it, to zoom it, use their own fonts or have it read aloud.
// Pressing one of its buttons is the same intent as clicking the button in the game or pressing its
// key: window.bigthree.act({button: id, seq}).
//
// It rewrites itself only when the screen's text changes (screen.rev), so a still screen costs
// nothing. A new screen (screen.seq) is announced in a polite live region, and when the student is
// in the mirror, the focus moves to the new screen's heading.
"use strict";
(function () {
  const mirror = document.getElementById("mirror");
  const live = document.getElementById("mirror-live");
  const body = document.getElementById("mirror-screen");
  let rev = -1;
  let seq = -1;
  let notice = "";
  let view = "";
  let theme = "";
  const announced = []; // what the live region said, the latest last (for the tests)

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function act(b, screen) {
    if (!window.bigthree || typeof window.bigthree.act !== "function") return;
    window.bigthree.act({ button: b.id, seq: screen.seq });
  }

  // announce says text in the live region (cleared first, so the same words are said again).
  function announce(text) {
    if (!text) return;
    live.textContent = "";
    announced.push(text);
    if (announced.length > 50) announced.shift();
    setTimeout(() => { live.textContent = text; }, 50);
  }

  let ids = 0;
  function renderButtons(screen, parent) {
    let group = null;
    let groupName = "";
    for (const b of screen.buttons) {
      let into = parent;
      if (b.group) {
        if (b.group !== groupName) {
          group = el("div", null, "group");
          group.setAttribute("role", "group");
          const label = el("p", b.group, "group-label");
          label.id = "mirror-g" + ++ids;
          group.setAttribute("aria-labelledby", label.id);
          group.appendChild(label);
          parent.appendChild(group);
          groupName = b.group;
        }
        into = group;
      } else {
        groupName = "";
      }
      const item = el("div", null, "item");
      const btn = el("button", b.label);
      btn.type = "button";
      btn.dataset.id = b.id;
      if (b.key) btn.dataset.key = b.key;
      if (b.group) btn.setAttribute("aria-pressed", b.pressed ? "true" : "false");
      const described = [];
      if (b.detail) {
        const d = el("p", b.detail, "detail");
        d.id = "mirror-d" + ++ids;
        described.push(d);
      }
      if (!b.enabled) {
        btn.disabled = true;
        const r = el("p", b.reason || "Not possible now.", "reason");
        r.id = "mirror-r" + ++ids;
        described.push(r);
      }
      if (described.length) btn.setAttribute("aria-describedby", described.map((d) => d.id).join(" "));
      btn.addEventListener("click", () => act(b, screen));
      item.appendChild(btn);
      for (const d of described) item.appendChild(d);
      into.appendChild(item);
    }
  }

  function renderBlocks(blocks, parent) {
    let list = null;
    for (const b of blocks || []) {
      if (b.kind === "item") {
        if (!list) { list = el("ul"); parent.appendChild(list); }
        list.appendChild(el("li", b.text));
        continue;
      }
      list = null;
      switch (b.kind) {
        case "h2": case "h3": parent.appendChild(el(b.kind, b.text)); break;
        case "quote": parent.appendChild(el("blockquote", b.text)); break;
        case "pre": parent.appendChild(el("pre", b.text)); break;
        case "meta": parent.appendChild(el("p", b.text, "meta")); break;
        case "source": parent.appendChild(el("p", b.text, "source")); break;
        case "note": parent.appendChild(el("p", b.text, "note")); break;
        default: parent.appendChild(el("p", b.text));
      }
    }
  }

  // renderField makes the screen's text field a real text box: what is typed is the field's value
  // in the game (act({text})), and Enter presses the screen's first button.
  function renderField(screen, parent) {
    const f = screen.field;
    if (!f) return;
    const label = el("label", f.label);
    const input = el("input");
    input.type = "text";
    input.id = "mirror-field";
    input.dataset.id = f.id;
    input.value = f.value;
    if (f.max > 0) input.maxLength = f.max;
    input.autocomplete = "name";
    label.htmlFor = input.id;
    input.addEventListener("input", () => {
      if (window.bigthree && typeof window.bigthree.act === "function") window.bigthree.act({ text: input.value, seq: screen.seq });
    });
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || !screen.buttons.length) return;
      e.preventDefault();
      act(screen.buttons[0], screen);
    });
    const item = el("div", null, "item field");
    item.appendChild(label);
    item.appendChild(input);
    parent.appendChild(item);
  }

  let renders = 0;
  function render(screen) {
    renders++;
    const frag = document.createDocumentFragment();
    const h1 = el("h1", screen.title);
    h1.id = "mirror-title";
    h1.tabIndex = -1;
    frag.appendChild(h1);
    if (screen.notice) frag.appendChild(el("p", screen.notice, "notice"));
    renderBlocks(screen.blocks, frag);
    if (screen.meters && screen.meters.length) {
      frag.appendChild(el("h2", "Standing"));
      const ul = el("ul", null, "meters");
      for (const m of screen.meters) ul.appendChild(el("li", m.text));
      frag.appendChild(ul);
    }
    renderField(screen, frag);
    if (screen.prompt) frag.appendChild(el("h2", screen.prompt));
    renderButtons(screen, frag);
    renderBlocks(screen.footer, frag);
    const inMirror = mirror.contains(document.activeElement);
    const focusedID = inMirror && document.activeElement.dataset ? document.activeElement.dataset.id : "";
    // Typing in the text box rewrites the screen: the box keeps the focus and the caret.
    const typing = inMirror && document.activeElement.id === "mirror-field";
    const caret = typing ? [document.activeElement.selectionStart, document.activeElement.selectionEnd] : null;
    body.replaceChildren(frag);
    const fresh = screen.seq !== seq;
    if (fresh) {
      seq = screen.seq;
      // A document says its kind and date with its title.
      const first = screen.blocks.length && screen.blocks[0].kind === "meta" ? screen.blocks[0].text + ": " : "";
      announce(first + screen.title);
      if (inMirror) h1.focus();
    } else if (typing && document.getElementById("mirror-field")) {
      const input = document.getElementById("mirror-field");
      input.focus();
      const end = input.value.length;
      input.setSelectionRange(Math.min(caret[0], end), Math.min(caret[1], end));
    } else if (inMirror) {
      // The same screen, rewritten: keep the focus on the same button.
      const again = focusedID && body.querySelector('button[data-id="' + CSS.escape(focusedID) + '"]');
      (again || h1).focus();
    }
    if (screen.notice && screen.notice !== notice) announce(screen.notice);
    notice = screen.notice || "";
  }

  // show applies the Settings' plain-text view and colours to the page.
  function show(st) {
    const v = st.textview || "hidden";
    const t = st.theme || "standard";
    if (v === view && t === theme) return;
    const resized = (v === "beside") !== (view === "beside");
    view = v;
    theme = t;
    document.body.classList.toggle("text-beside", v === "beside");
    document.body.classList.toggle("text-instead", v === "instead");
    document.body.classList.toggle("high-contrast", t === "high-contrast");
    mirror.classList.toggle("sr", v === "hidden");
    // The game sizes its canvas to the page's body: tell it the body changed.
    if (resized) window.dispatchEvent(new Event("resize"));
  }

  // update takes in a state of the game (window.bigthree.state()).
  function update(st) {
    if (!st || !st.screen) return;
    show(st);
    if (st.screen.rev === rev) return;
    rev = st.screen.rev;
    render(st.screen);
  }

  // Number keys pick the numbered button, as they do in the game.
  mirror.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !/^[1-9]$/.test(e.key) || e.target.tagName === "INPUT") return;
    const b = body.querySelector('button[data-key="' + e.key + '"]:not([disabled])');
    if (b) { e.preventDefault(); b.click(); }
  });

  // stop empties the mirror when the game has stopped (the page shows why).
  function stop() {
    body.replaceChildren();
    mirror.classList.add("sr");
  }

  window.bigthreeMirror = { update, stop, announced, renders: () => renders };
  // The screen's rev the mirror shows, for the tests.
  window.bigthreeMirrorRev = () => rev;
})();
