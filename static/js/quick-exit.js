// Quick exit ("Snel weg"): leave at once for a neutral site and replace this page in the
// history. Together with one-entry.js (the whole visit is one history entry) the Back button
// then shows no page of this site. Shift pressed three times does the same, except while the
// person is typing in a text field (Shift is how capitals are typed).
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
  var TYPING = /^(text|search|email|url|tel|password|number)$/;
  function isTyping(element) {
    if (!element) { return false; }
    if (element.isContentEditable || element.tagName === "TEXTAREA") { return true; }
    return element.tagName === "INPUT" && TYPING.test(element.type || "text");
  }
  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat || isTyping(event.target)) { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) { leave(event); }
  });
}());
