// Drafts keeps the teacher's work in the browser's IndexedDB: the current
// text (written a moment after every change) and a history of recent
// versions to go back to. When the browser offers no storage, or it is
// nearly full, warn() says so in plain words.

const DB = "bigthree-studio";
const KEEP = 60; // versions kept
const EVERY = 2 * 60 * 1000; // a new version at most this often while typing

function req(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("the write was cancelled"));
  });
}

export class Drafts {
  constructor(warn) {
    this.warn = warn; // (text or "") shows or hides the storage warning
    this.db = null;
    this.off = "";
    this.lastVersion = { time: 0, text: null };
    this.timer = 0;
    this.pending = null;
  }

  // open connects to the database; it never throws, and sets off with the
  // reason when there is no storage.
  async open() {
    try {
      if (!("indexedDB" in self)) throw new Error("this browser has no IndexedDB");
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => {
        const db = r.result;
        db.createObjectStore("current");
        db.createObjectStore("versions", { keyPath: "n", autoIncrement: true });
      };
      this.db = await req(r);
      this.db.onversionchange = () => this.db.close();
    } catch (e) {
      this.off = String(e && e.message || e);
      this.warn("This browser does not let the Studio keep your work (" + this.off + "). " +
        "Nothing you type is kept when you close the page: use Save often to keep a file.");
      return;
    }
    await this.checkSpace();
    const versions = await this.versions();
    if (versions.length) this.lastVersion = versions[0];
  }

  async checkSpace() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    try {
      const { usage, quota } = await navigator.storage.estimate();
      if (quota && (usage / quota > 0.9 || quota - usage < 5 * 1048576)) {
        this.warn(`The browser's storage for this site is nearly full (${(usage / 1048576).toFixed(1)} of ${(quota / 1048576).toFixed(1)} MB). ` +
          "Save your scenario to a file now, and free some space (the browser's settings, Privacy, Site data).");
      }
    } catch (e) { /* no estimate: nothing to say */ }
  }

  // current returns the draft kept last time ({name, text, time, handle}), or null.
  async current() {
    if (!this.db) return null;
    try {
      return (await req(this.db.transaction("current").objectStore("current").get("draft"))) || null;
    } catch (e) {
      return null;
    }
  }

  // keep writes the draft a moment after the last change (at once with now).
  keep(draft, now) {
    this.pending = draft;
    clearTimeout(this.timer);
    if (now) return this.flush();
    this.timer = setTimeout(() => this.flush(), 400);
    return Promise.resolve();
  }

  async flush() {
    clearTimeout(this.timer);
    const d = this.pending;
    this.pending = null;
    if (!d || !this.db) return;
    try {
      const tx = this.db.transaction(["current", "versions"], "readwrite");
      tx.objectStore("current").put({ ...d, time: Date.now() }, "draft");
      if (d.text !== this.lastVersion.text && (d.milestone || Date.now() - this.lastVersion.time > EVERY)) {
        this.addVersion(tx, d);
      }
      await done(tx);
    } catch (e) {
      this.failed(e);
    }
  }

  addVersion(tx, d) {
    const v = { time: Date.now(), name: d.name, text: d.text, why: d.milestone || "" };
    tx.objectStore("versions").add(v);
    this.lastVersion = v;
    const store = tx.objectStore("versions");
    store.count().onsuccess = (ev) => {
      let extra = ev.target.result - KEEP;
      if (extra <= 0) return;
      store.openCursor().onsuccess = (e2) => {
        const c = e2.target.result;
        if (!c || extra-- <= 0) return;
        c.delete();
        c.continue();
      };
    };
  }

  // remember keeps a version now, with the reason ("before opening a file").
  async remember(name, text, why) {
    if (!this.db || !text || text === this.lastVersion.text) return;
    try {
      const tx = this.db.transaction("versions", "readwrite");
      this.addVersion(tx, { name, text, milestone: why });
      await done(tx);
    } catch (e) {
      this.failed(e);
    }
  }

  // versions lists the kept versions, newest first.
  async versions() {
    if (!this.db) return [];
    try {
      const all = await req(this.db.transaction("versions").objectStore("versions").getAll());
      return all.reverse();
    } catch (e) {
      return [];
    }
  }

  failed(e) {
    const full = e && (e.name === "QuotaExceededError" || /quota/i.test(String(e.message)));
    this.warn(full
      ? "The browser's storage for this site is full: your latest changes are not kept in the browser. Save your scenario to a file now."
      : "Your latest changes could not be kept in the browser (" + (e && e.message || e) + "). Save your scenario to a file now.");
  }
}
