// "Print this page" buttons: a file rather than an onclick attribute, which the Content-Security-Policy refuses.
document.querySelectorAll("[data-pc-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
