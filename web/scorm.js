"use strict";
// scorm.js is the SCORM 1.2 adapter of the LMS package (b3 bundle -scorm).
// It finds the LMS's API object the standard way (window, then its parents,
// then the window that opened it), and copies to it what the game reports
// (internal/lms makes every value valid for SCORM 1.2):
//   cmi.core.lesson_status    incomplete, then completed at an ending
//   cmi.core.lesson_location  event:ID while playing, ending:ID at the end
//   cmi.suspend_data          the save, so the game resumes on another computer
//   cmi.interactions.n        one per reply (and one for the ending)
//   cmi.core.exit             suspend, so the LMS keeps the save for next time
//   cmi.core.session_time     at the end of the session
// It commits after every reply and finishes when the page goes away. Without
// an LMS it does nothing, and the game plays as on any web page.
(function () {
  function findAPI(win) {
    for (let depth = 0; win && depth < 10; depth++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (e) {
        return null; // a frame of another site: the LMS is not above it
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  let api = findAPI(window);
  if (!api && window.opener) api = findAPI(window.opener);
  if (!api) return;

  const pad = (n) => String(n).padStart(2, "0");
  const clock = (d) => pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
  const span = (ms) => {
    const s = Math.floor(ms / 1000);
    return pad(Math.min(9999, Math.floor(s / 3600))) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
  };

  const lms = {
    api,
    errors: [], // every call the LMS refused, for the teacher's console and the tests
    open: false,
    finished: false,
    status: "",
    startedAt: Date.now(),
    run: null, // the game's run the interactions below belong to
    next: 0, // the first step of that run not recorded yet
    lastSave: null,
  };
  function check(what) {
    const code = String(api.LMSGetLastError());
    if (code !== "0" && code !== "") {
      const msg = what + ": error " + code + " (" + api.LMSGetErrorString(code) + ")";
      lms.errors.push(msg);
      console.warn("bigthree: the LMS refused " + msg);
      return false;
    }
    return true;
  }
  function get(name) {
    const v = api.LMSGetValue(name);
    check("LMSGetValue " + name);
    return v == null ? "" : String(v);
  }
  function set(name, value) {
    api.LMSSetValue(name, String(value));
    return check("LMSSetValue " + name);
  }
  function commit() {
    api.LMSCommit("");
    check("LMSCommit");
  }

  lms.start = function (start) {
    lms.open = String(api.LMSInitialize("")) === "true";
    if (!lms.open) {
      check("LMSInitialize");
      return;
    }
    lms.status = get("cmi.core.lesson_status");
    if (lms.status === "" || lms.status === "not attempted") {
      set("cmi.core.lesson_status", "incomplete");
      lms.status = "incomplete";
    }
    const saved = get("cmi.suspend_data");
    if (saved) start.save = saved;
    set("cmi.core.exit", "suspend");
    commit();
  };

  function record(it) {
    const n = Number(get("cmi.interactions._count")) || 0;
    const p = "cmi.interactions." + n + ".";
    set(p + "id", it.id);
    set(p + "type", it.type);
    set(p + "time", clock(new Date()));
    if (it.correct_response) set(p + "correct_responses.0.pattern", it.correct_response);
    set(p + "student_response", it.student_response);
    set(p + "result", it.result);
  }

  lms.progress = function (p) {
    if (!lms.open || lms.finished) return;
    if (p.run !== lms.run) {
      // A new run (a new game, or the one resumed from the LMS): the steps
      // it replayed from the LMS's save were recorded in an earlier session.
      lms.run = p.run;
      lms.next = p.resumed || 0;
    }
    for (const it of p.interactions) {
      if (it.step < lms.next) continue;
      record(it);
      lms.next = it.step + 1;
    }
    if (p.suspend_data) {
      if (p.suspend_data !== lms.lastSave) set("cmi.suspend_data", p.suspend_data);
      lms.lastSave = p.suspend_data;
    } else if (p.suspend_problem) {
      console.warn("bigthree: the LMS cannot keep this save (" + p.suspend_problem + "); it stays in this browser only");
    }
    if (p.location) set("cmi.core.lesson_location", p.location);
    if (p.status === "completed" && lms.status !== "completed" && lms.status !== "passed") {
      set("cmi.core.lesson_status", "completed");
      lms.status = "completed";
    }
    commit();
  };

  lms.finish = function () {
    if (!lms.open || lms.finished) return;
    lms.finished = true;
    set("cmi.core.session_time", span(Date.now() - lms.startedAt));
    commit();
    api.LMSFinish("");
    check("LMSFinish");
  };
  window.addEventListener("pagehide", lms.finish);
  window.addEventListener("beforeunload", lms.finish);

  window.bigthreeLMS = lms;
})();
