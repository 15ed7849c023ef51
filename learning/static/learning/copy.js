// "Copy" buttons beside each field of a CPD record, so a worker pastes field by field into Social
// Work England's online form. Uses the Clipboard API; where the browser cannot copy, the buttons
// stay hidden and the text can be selected as usual. The confirmation is shown beside the button
// and announced (role="status").
(function () {
  "use strict";
  if (!navigator.clipboard || !navigator.clipboard.writeText) { return; }
  var buttons = document.querySelectorAll(".app-copy-button[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".app-copy-status");
    if (!source) { return; }
    button.hidden = false;
    var timer = null;
    function say(text) {
      if (!status) { return; }
      status.textContent = text;
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(function () { status.textContent = ""; }, 6000);
    }
    button.addEventListener("click", function () {
      var text = source.getAttribute("data-empty") ? "" : source.textContent;
      navigator.clipboard.writeText(text).then(function () {
        say(text ? "Copied" : "Copied (this field is empty)");
      }, function () {
        say("Could not copy: select the text and copy it instead");
      });
    });
  });
}());
