// Autosave for a draft form (the reflective log, a panel request): posts the form a moment after typing stops, and keeps a
// copy in localStorage until the server has stored every field (offline, signed out, a field
// refused, another tab saved first), restoring it with a notice on reload. It says "saved" only
// when the server says so. The save state is shown in the bar under the form, which stays in
// view while typing, and announced politely (role="status").
//
// Each save carries the version of the log it was based on; if another tab saved since, the
// server answers 409 and the page asks: keep mine (save over it) or load the other (mine stays
// on this device, with a button to put it back). A new log is stored by its first autosave,
// after which the page carries on as that log's edit page.
// Without JavaScript the form's Save buttons still work.
(function () {
  "use strict";
  // The form names where it saves (data-autosave-url) and, optionally, its local copy's key.
  var form = document.getElementById("log-form") || document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute("data-autosave-url");
  var key = form.getAttribute("data-autosave-key") || ("practice-commons-log-" + form.getAttribute("data-log-id"));
  var serverUpdated = parseInt(form.getAttribute("data-updated") || "0", 10) * 1000;
  var statusEl = document.getElementById("autosave-status");
  var versionEl = document.getElementById("log-version");
  var conflictEl = document.getElementById("autosave-conflict");
  var conflictText = document.getElementById("autosave-conflict-text");
  var timer = null;
  var inFlight = false;
  var again = false;
  var conflicted = false;
  var waitingSubmit = null;  // a Save clicked while an autosave was on its way: sent after it
  var DELAY = 2000;
  var TIMEOUT = 20000;

  function say(text, failed) {
    if (!statusEl) { return; }
    statusEl.textContent = text;
    statusEl.classList.toggle("app-save-bar__status--error", !!failed);
  }

  function store(name, value) {
    try {
      if (value === null) { localStorage.removeItem(name); } else { localStorage.setItem(name, JSON.stringify(value)); }
    } catch (e) { /* storage full or disabled: nothing more we can do */ }
  }

  function read(name) {
    var raw;
    try { raw = localStorage.getItem(name); } catch (e) { return null; }
    if (!raw) { return null; }
    try { return JSON.parse(raw); } catch (e) { store(name, null); return null; }
  }

  function snapshot() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.name === "based_on" || el.type === "submit") { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        if (!data[el.name]) { data[el.name] = []; }
        if (el.checked) { data[el.name].push(el.value); }
      } else {
        data[el.name] = el.value;
      }
    });
    return data;
  }

  function fill(fields) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in fields) || el.name === "based_on") { return; }
      var value = fields[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = value.indexOf(el.value) !== -1;
      } else if (el.type !== "submit" && el.name !== "csrfmiddlewaretoken") {
        el.value = value;
      }
    });
  }

  function keepLocal() { store(key, { saved: Date.now(), fields: snapshot() }); }

  function restoreLocal() {
    var copy = read(key);
    if (!copy) { return; }
    if (!copy.fields || copy.saved <= serverUpdated) { store(key, null); return; }
    fill(copy.fields);
    var banner = document.getElementById("autosave-restored");
    if (banner) { banner.hidden = false; }
    schedule();
  }

  // "Load the other": the text typed here was set aside before reloading; offer it back.
  function offerSetAside() {
    var aside = read(key + "-set-aside");
    var banner = document.getElementById("autosave-set-aside");
    if (!aside || !aside.fields || !banner) { return; }
    banner.hidden = false;
    document.getElementById("autosave-put-back").addEventListener("click", function () {
      fill(aside.fields);
      store(key + "-set-aside", null);
      banner.hidden = true;
      save();
    });
    document.getElementById("autosave-discard").addEventListener("click", function () {
      store(key + "-set-aside", null);
      banner.hidden = true;
      say("Your other text was forgotten. This page shows the saved version.");
    });
  }

  function notSaved(reason) {
    say("Draft NOT saved: " + reason + " Your text is kept on this device until it can be saved.", true);
  }

  function reasons(body) {
    var parts = (body && body.not_saved || []).map(function (f) {
      return f.label + ": " + (f.messages || []).join(" ");
    });
    return parts.length ? parts.join("; ") + "." : "the server refused it.";
  }

  function showConflict(body) {
    conflicted = true;
    if (versionEl && body.version) { versionEl.setAttribute("data-theirs", body.version); }
    if (conflictText) {
      conflictText.textContent = "This log was saved in another tab or window at " + body.saved_at +
        ". Your text here is not saved, and is kept on this device. Which do you want to keep?";
    }
    if (conflictEl) { conflictEl.hidden = false; }
    say("Draft NOT saved: this log was saved in another tab or window. Choose which version to keep.", true);
  }

  function saved(body) {
    store(key, null);
    if (versionEl && body.version) { versionEl.value = body.version; }
    if (body.autosave_url && body.autosave_url !== url) {
      // A new log was stored by this save: carry on as its edit page (reloads and the Save buttons too).
      var oldKey = key;
      url = body.autosave_url;
      form.setAttribute("data-autosave-url", url);
      form.setAttribute("action", body.edit_url);
      key = "practice-commons-log-" + body.log;
      store(oldKey, null);
      if (window.history && window.history.replaceState) { window.history.replaceState(null, "", body.edit_url); }
    }
    say("Draft saved at " + body.saved_at + ".");
  }

  function save() {
    timer = null;
    if (conflicted) { keepLocal(); return; }
    if (inFlight) { again = true; return; }  // one save at a time: a new log must be stored only once
    inFlight = true;
    keepLocal();
    say("Saving…");
    var controller = window.AbortController ? new AbortController() : null;
    var timeout = setTimeout(function () { if (controller) { controller.abort(); } }, TIMEOUT);
    // redirect "manual": an expired session answers with a redirect to the sign-in page, which
    // must not be mistaken for a saved draft.
    fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin", redirect: "manual",
                 signal: controller ? controller.signal : undefined,
                 headers: { "X-Requested-With": "XMLHttpRequest", "Accept": "application/json" } })
      .then(function (response) {
        clearTimeout(timeout);
        if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
          notSaved("you have been signed out. Sign in again in another tab, then come back and carry on.");
          return;
        }
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (!json) { notSaved("the server did not answer (" + response.status + ")."); return; }
        return response.json().then(function (body) {
          if (response.ok && body && body.saved === true) {
            saved(body);
          } else if (response.status === 409 && body && body.conflict) {
            showConflict(body);
          } else {
            notSaved(reasons(body));
          }
        });
      })
      .catch(function () {
        clearTimeout(timeout);
        notSaved("not connected. It will be saved when you are back online.");
      })
      .then(function () {
        inFlight = false;
        if (waitingSubmit) {
          // The Save button's post now carries the version (and address) that autosave just stored.
          var button = waitingSubmit;
          waitingSubmit = null;
          again = false;
          if (!form.requestSubmit) { form.submit(); } else if (button === true) { form.requestSubmit(); } else { form.requestSubmit(button); }
          return;
        }
        if (again) { again = false; schedule(); }
      });
  }

  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, DELAY);
  }

  var keepMine = document.getElementById("autosave-keep-mine");
  if (keepMine) {
    keepMine.addEventListener("click", function () {
      if (versionEl && versionEl.getAttribute("data-theirs")) { versionEl.value = versionEl.getAttribute("data-theirs"); }
      conflicted = false;
      if (conflictEl) { conflictEl.hidden = true; }
      save();
    });
  }
  var loadOther = document.getElementById("autosave-load-other");
  if (loadOther) {
    loadOther.addEventListener("click", function () {
      store(key + "-set-aside", { saved: Date.now(), fields: snapshot() });
      store(key, null);
      window.location.reload();
    });
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  window.addEventListener("online", function () { if (read(key)) { save(); } });
  form.addEventListener("submit", function (event) {
    if (timer) { clearTimeout(timer); timer = null; }
    if (inFlight) {
      // Wait for the autosave on its way, or this post would be refused as based on an older version
      // (or, on a new log, store it twice).
      event.preventDefault();
      waitingSubmit = event.submitter || true;
      say("Saving…");
      return;
    }
    store(key, null);
  });
  offerSetAside();
  restoreLocal();
}());
