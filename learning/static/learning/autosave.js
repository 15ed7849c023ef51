// Autosave for a draft form (the reflective log, a panel request): posts the form a moment after typing stops, and keeps a
// copy in localStorage until the server has stored every field (offline, signed out, a field
// refused), restoring it with a notice on reload. It says "saved" only when the server says so.
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
  var timer = null;
  var DELAY = 2000;
  var TIMEOUT = 20000;

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

  // The text stays in localStorage until the server says it stored every field (saved: true).
  function notSaved(reason) {
    if (statusEl) { statusEl.classList.add("govuk-error-message"); }
    say("Draft NOT saved: " + reason + " Your text is kept on this device until it can be saved.");
  }

  function reasons(body) {
    var parts = (body && body.not_saved || []).map(function (f) {
      return f.label + ": " + (f.messages || []).join(" ");
    });
    return parts.length ? parts.join("; ") + "." : "the server refused it.";
  }

  function save() {
    timer = null;
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
            try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
            if (statusEl) { statusEl.classList.remove("govuk-error-message"); }
            say("Draft saved at " + body.saved_at + ".");
          } else {
            notSaved(reasons(body));
          }
        });
      })
      .catch(function () {
        clearTimeout(timeout);
        notSaved("not connected. It will be saved when you are back online.");
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
