// Quick exit ("Snel weg"): leave at once for a neutral site and replace this page in the
// history, so the Back button does not bring it back. Shift pressed three times does the same.
(function () {
  "use strict";
  var exitUrl = "/weg/";
  function leave(event) {
    if (event) { event.preventDefault(); }
    document.body.style.visibility = "hidden";
    document.title = "";
    window.location.replace(exitUrl);
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-quick-exit]");
    if (target) { leave(event); }
  });
  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) { leave(event); }
  });
}());
