// The Play pane: the game itself (index.html?studio, its own WebAssembly,
// fetched only when Play is first used) in a frame, playing the text being
// edited. After a clean edit it is given the new text with the replies
// chosen so far, replays them as far as they still fit and says where it
// stopped when they do not.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Play {
  constructor(frame, setNotice) {
    this.frame = frame;
    this.setNotice = setNotice;
    this.ready = null;
    this.loaded = null; // {name, text} the game plays now
    this.queue = Promise.resolve();
  }

  get started() {
    return this.ready !== null;
  }

  game() {
    const w = this.frame.contentWindow;
    return w && w.bigthree;
  }

  // start loads the game into the frame once and waits until it can take a scenario.
  start() {
    if (!this.ready) {
      this.frame.hidden = false;
      this.frame.src = "index.html?studio";
      this.ready = (async () => {
        for (;;) {
          const g = this.game();
          const page = this.frame.contentWindow && this.frame.contentWindow.bigthreePage;
          if (page && (page.status === "stopped" || page.status === "no-webgl2")) {
            throw new Error(page.status === "no-webgl2" ? "this browser cannot show the game (it needs WebGL 2)" : "the game stopped");
          }
          if (g && typeof g.playDraft === "function" && typeof g.state === "function") {
            const st = g.state();
            if (st && st.scene && st.scene !== "loading") return;
          }
          await sleep(100);
        }
      })();
    }
    return this.ready;
  }

  // load gives the game a text; with keep, the replies chosen so far are
  // replayed on it. It resolves to the game's report.
  load(name, text, keep) {
    const run = async () => {
      await this.start();
      const g = this.game();
      const before = g.draftState();
      g.playDraft(name, text, !!keep);
      for (let i = 0; i < 600; i++) {
        const now = g.draftState();
        if (now && now.loads > (before ? before.loads : 0)) {
          this.loaded = { name, text };
          this.setNotice(now.problem ? now.problem : now.notice);
          return now;
        }
        await sleep(50);
      }
      throw new Error("the game did not take the new text");
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  // state is the game's state hook (scene, event, meters...) plus its replay report.
  state() {
    const g = this.game();
    if (!g || typeof g.state !== "function") return null;
    return { ...(g.state() || {}), draft: g.draftState ? g.draftState() : null };
  }
}
