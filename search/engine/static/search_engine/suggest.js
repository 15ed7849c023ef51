// Suggestions as you type in the directory search box: an ARIA 1.2 combobox with a listbox.
// Without JavaScript the box is a plain text input and nothing is lost.
(function () {
  "use strict";
  var wrapper = document.querySelector(".pc-suggest");
  if (!wrapper || !window.fetch) return;
  var input = wrapper.querySelector("input[name=q]");
  if (!input) return;
  var url = wrapper.getAttribute("data-suggest-url");
  var group = input.parentNode;
  group.classList.add("pc-suggest__group");

  var list = document.createElement("ul");
  list.id = input.id + "-suggestions";
  list.className = "pc-suggest__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  group.appendChild(list);

  var status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  group.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  var items = [];
  var active = -1;
  var timer = null;
  var latest = 0;

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    for (var i = 0; i < options.length; i++) {
      options[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function show(found) {
    list.innerHTML = "";
    items = found;
    active = -1;
    if (!found.length) {
      close();
      status.textContent = "";
      return;
    }
    found.forEach(function (text, i) {
      var option = document.createElement("li");
      option.id = list.id + "-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.className = "pc-suggest__option";
      option.textContent = text;
      list.appendChild(option);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = found.length + (found.length === 1 ? " suggestion" : " suggestions") + ". Use the up and down arrows to choose.";
  }

  function choose(index) {
    if (index < 0 || index >= items.length) return;
    input.value = items[index];
    close();
    if (input.form) input.form.submit();
  }

  function fetchSuggestions() {
    var text = input.value.trim();
    if (text.length < 2) {
      close();
      return;
    }
    var ticket = ++latest;
    fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (ticket === latest && document.activeElement === input) show(data.suggestions || []); })
      .catch(function () { close(); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      highlight(active + 1 >= items.length ? 0 : active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active - 1 < 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 200); });
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  list.addEventListener("click", function (event) {
    var option = event.target.closest("[role=option]");
    if (option) choose(Array.prototype.indexOf.call(list.children, option));
  });
})();
