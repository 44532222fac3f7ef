// Shows the "Print this route" button only where JavaScript can print; without it, the page says
// how to print with the browser.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
}());
