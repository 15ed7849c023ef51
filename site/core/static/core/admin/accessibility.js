// Wagtail admin fixes for WCAG 2.2 AA (names for inputs Wagtail leaves unnamed); loaded on every
// admin page by core/wagtail_hooks.py. Editors are drawn after load (Draftail renders itself,
// StreamField adds blocks), so new ones are named as they appear.
(function () {
  'use strict';

  function ensureId(element, fallback) {
    if (!element.id) element.id = fallback;
    return element.id;
  }

  // 4.1.2 Name, Role, Value: Draftail's editable area (role=textbox) has no name; its field's
  // label points at the hidden input that holds the value.
  function nameRichTextEditors(root) {
    root.querySelectorAll('.public-DraftEditor-content:not([aria-label]):not([aria-labelledby])').forEach(function (editor) {
      var wrapper = editor.closest('.Draftail-Editor__wrapper');
      var input = wrapper && wrapper.parentElement.querySelector('input[data-draftail-input]');
      var label = input && input.id && document.querySelector('label[for="' + CSS.escape(input.id) + '"]');
      if (label) {
        editor.setAttribute('aria-labelledby', ensureId(label, input.id + '-label'));
        return;
      }
      var panel = editor.closest('[data-panel][aria-labelledby]');
      if (panel) editor.setAttribute('aria-labelledby', panel.getAttribute('aria-labelledby'));
    });
  }

  // 1.3.1 / 4.1.2: the multiple upload's file input lies, invisible, over the button that shows
  // its purpose ("Or choose from your computer") and has no label of its own.
  function nameFileUploads(root) {
    root.querySelectorAll('.replace-file-input input[type=file]:not([aria-label]):not([aria-labelledby])').forEach(function (input) {
      if (input.labels && input.labels.length) return;
      var button = input.parentElement.querySelector('button');
      if (button) input.setAttribute('aria-labelledby', ensureId(button, (input.id || 'file-input') + '-button'));
    });
  }

  // 4.1.2: a tag field (images, documents) types into an input of its own, beside the hidden one
  // its label names.
  function nameTagInputs(root) {
    root.querySelectorAll('.tagit input.ui-autocomplete-input:not([aria-label]):not([aria-labelledby])').forEach(function (input) {
      var wrapper = input.closest('[data-field-input], .w-field__input');
      var original = wrapper && wrapper.querySelector('input[id]:not(.ui-autocomplete-input)');
      var label = original && document.querySelector('label[for="' + CSS.escape(original.id) + '"]');
      if (label) input.setAttribute('aria-labelledby', ensureId(label, original.id + '-label'));
    });
  }

  // 1.3.1 Info and Relationships: the workflows listing wraps each task's <li> in a link placed
  // directly in the <ul>; the link goes inside the item so the list holds only items.
  function mendWorkflowTaskLists(root) {
    root.querySelectorAll('ul.workflow-tasks > a').forEach(function (link) {
      var item = link.querySelector(':scope > li');
      if (!item) return;
      link.parentNode.insertBefore(item, link);
      while (item.firstChild) link.appendChild(item.firstChild);
      item.appendChild(link);
    });
  }

  function nameAll() {
    nameRichTextEditors(document);
    nameFileUploads(document);
    nameTagInputs(document);
    mendWorkflowTaskLists(document);
  }

  var pending = false;
  function nameSoon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      nameAll();
    });
  }

  function start() {
    nameAll();
    new MutationObserver(nameSoon).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
