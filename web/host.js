"use strict";
// host.js tells the game, before it starts, which scenario to open first and
// what an LMS saved; the game tells it back after every reply.
//
// window.bigthreeStart (read by the game once it has loaded):
//   link     the page's fragment when it carries a scenario (a class link: #name=...&s=...)
//   name, text   the class folder's scenario, named by <meta name="bigthree-scenario">
//   save     the LMS's saved game (cmi.suspend_data), from scorm.js
//   problem  why the class's scenario could not be loaded
// window.bigthreeHost.progress(json) is called by the game after every reply
// (see internal/lms); it goes to the LMS adapter when there is one.
// window.bigthreeHostReady resolves when all of this is known; the page
// starts the game after it.
(function () {
  const start = (window.bigthreeStart = { link: "", name: "", text: "", save: "", problem: "" });
  const tasks = [];
  const hash = location.hash.replace(/^#/, "");
  if (/(^|&)s=/.test(hash)) {
    start.link = hash;
  } else {
    const meta = document.querySelector('meta[name="bigthree-scenario"]');
    const file = meta ? meta.getAttribute("content") : "";
    if (file) {
      tasks.push(
        fetch(file, { cache: "no-cache" })
          .then((resp) => {
            if (!resp.ok) throw new Error("HTTP " + resp.status);
            return resp.text();
          })
          .then((text) => {
            start.name = file;
            start.text = text;
          })
          .catch((e) => {
            start.problem = "The class's scenario " + file + " could not be loaded (" + e.message + "), so the game opened at its title screen.";
          })
      );
    }
  }
  const lms = window.bigthreeLMS;
  if (lms) {
    tasks.push(
      Promise.resolve()
        .then(() => lms.start(start))
        .catch((e) => console.warn("bigthree: the LMS could not be reached:", e))
    );
  }
  window.bigthreeHostReady = Promise.all(tasks);
  window.bigthreeHost = {
    progress(json) {
      if (!lms) return;
      try {
        lms.progress(JSON.parse(json));
      } catch (e) {
        console.warn("bigthree: the LMS did not take the progress:", e);
      }
    },
  };
})();
