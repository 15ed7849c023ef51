// Autosave for the reflective log form: posts the form a moment after typing stops, and keeps a
// copy in localStorage when the post fails (offline), restoring it with a notice on reload.
// Without JavaScript the form's Save buttons still work.
(function () {
  "use strict";
  var form = document.getElementById("log-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute("data-autosave-url");
  var key = "practice-commons-log-" + form.getAttribute("data-log-id");
  var serverUpdated = parseInt(form.getAttribute("data-updated") || "0", 10) * 1000;
  var statusEl = document.getElementById("autosave-status");
  var timer = null;
  var DELAY = 2000;

  function say(text) { if (statusEl) { statusEl.textContent = text; } }

  function snapshot() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.type === "submit") { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        if (!data[el.name]) { data[el.name] = []; }
        if (el.checked) { data[el.name].push(el.value); }
      } else {
        data[el.name] = el.value;
      }
    });
    return data;
  }

  function keepLocal() {
    try {
      localStorage.setItem(key, JSON.stringify({ saved: Date.now(), fields: snapshot() }));
    } catch (e) { /* storage full or disabled: nothing more we can do */ }
  }

  function restoreLocal() {
    var raw;
    try { raw = localStorage.getItem(key); } catch (e) { return; }
    if (!raw) { return; }
    var copy;
    try { copy = JSON.parse(raw); } catch (e) { localStorage.removeItem(key); return; }
    if (!copy || copy.saved <= serverUpdated) { localStorage.removeItem(key); return; }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in copy.fields)) { return; }
      var value = copy.fields[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = value.indexOf(el.value) !== -1;
      } else if (el.type !== "submit" && el.name !== "csrfmiddlewaretoken") {
        el.value = value;
      }
    });
    var banner = document.getElementById("autosave-restored");
    if (banner) { banner.hidden = false; }
    schedule();
  }

  function save() {
    timer = null;
    keepLocal();
    say("Saving…");
    fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin",
                 headers: { "X-Requested-With": "XMLHttpRequest" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (body) {
        try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
        say("Draft saved at " + body.saved_at + ".");
      })
      .catch(function () {
        say("Not connected: your text is kept on this device and will be saved when you are back online.");
      });
  }

  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, DELAY);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  window.addEventListener("online", function () { if (localStorage.getItem(key)) { save(); } });
  form.addEventListener("submit", function () {
    if (timer) { clearTimeout(timer); }
    try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
  });
  restoreLocal();
}());
