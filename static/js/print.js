// Shows the "Print this route" button only where JavaScript can print; without it, the page says
// how to print with the browser. Runs again when one-entry.js puts a new page in place.
(function () {
  "use strict";
  function enhance() {
    var button = document.querySelector("[data-print]");
    if (button) { button.hidden = false; }
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) { window.print(); }
  });
  document.addEventListener("site:page", enhance);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
}());
