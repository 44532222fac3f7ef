// The whole visit occupies one entry in the browser's history (docs/arch/017). Links replace
// the current entry (location.replace); forms that post (the wizard) are sent with fetch and the
// answer replaces the page in place (history.replaceState). So when the quick exit replaces
// that one entry, Back has no page of this site left to show. Without JavaScript, links and
// forms work as usual. Links to other sites also replace the entry: their page is not ours to
// clear, and Back from there leaves the visit rather than returning to it.
(function () {
  "use strict";
  if (!window.fetch || !window.history || !history.replaceState || !window.DOMParser) { return; }

  function focusTarget(element) {
    if (!element) { return; }
    if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) {
      element.setAttribute("tabindex", "-1");
    }
    element.focus();
  }

  // GOV.UK pattern: after a submit with an error, focus goes to the error summary.
  function focusAfterLoad() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { focusTarget(summary); return true; }
    return false;
  }

  function isOwnPage(url) {
    return url.origin === location.origin;
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self")) { return; }
    var url = new URL(link.href, location.href);
    if (url.protocol !== "http:" && url.protocol !== "https:") { return; }
    event.preventDefault();
    if (isOwnPage(url) && url.pathname === location.pathname && url.search === location.search && url.hash) {
      // A link within the page (skip link, error summary): move focus there without adding
      // an entry for the fragment.
      focusTarget(document.getElementById(decodeURIComponent(url.hash.slice(1))));
      return;
    }
    location.replace(url.href);
  });

  function swap(html, url) {
    var next = new DOMParser().parseFromString(html, "text/html");
    document.title = next.title;
    document.documentElement.lang = next.documentElement.lang;
    document.documentElement.dir = next.documentElement.dir;
    document.body.replaceWith(document.adoptNode(next.body));
    history.replaceState(null, "", url);
    window.scrollTo(0, 0);
    document.dispatchEvent(new CustomEvent("site:page"));
    if (!focusAfterLoad()) { focusTarget(document.querySelector("main h1") || document.querySelector("main")); }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.target) { return; }
    var submitter = event.submitter;
    var method = ((submitter && submitter.getAttribute("formmethod")) || form.getAttribute("method") || "get").toLowerCase();
    var action = new URL((submitter && submitter.getAttribute("formaction")) || form.getAttribute("action") || location.href, location.href);
    var data = new FormData(form, submitter || undefined);
    if (method === "get") {
      if (!isOwnPage(action)) { return; }
      event.preventDefault();
      action.search = new URLSearchParams(data).toString();
      action.hash = "";
      location.replace(action.href);
      return;
    }
    if (method !== "post" || !isOwnPage(action)) { return; }
    event.preventDefault();
    var hasFile = Array.prototype.some.call(form.elements, function (field) { return field.type === "file"; });
    var body = hasFile ? data : new URLSearchParams(data);
    fetch(action.href, { method: "POST", body: body, credentials: "same-origin", cache: "no-store", redirect: "follow" })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("text/html") !== 0) { throw new Error("not a page"); }
        return response.text().then(function (html) { swap(html, response.url); });
      })
      .catch(function () {
        // Network trouble or an unexpected answer: send the form the ordinary way.
        if (submitter && submitter.name) {
          var field = document.createElement("input");
          field.type = "hidden";
          field.name = submitter.name;
          field.value = submitter.value;
          form.appendChild(field);
        }
        HTMLFormElement.prototype.submit.call(form);
      });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusAfterLoad);
  } else {
    focusAfterLoad();
  }
}());
