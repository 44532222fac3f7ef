// Place names as you type: the place fields (wizard, meldroute finder) list only the 342
// municipalities in the page. When such a field gets focus, this fetches every place name
// (/plaatsnamen.json, from our own origin, whole and once: nothing typed leaves the browser)
// and offers the names that start with what is typed ("Naaldw" → Naaldwijk, "apel" → Ter Apel,
// "Вен" → Венло). Without JavaScript the field works as it is: the server reads any place.
(function () {
  "use strict";
  if (!window.fetch || !String.prototype.normalize) { return; }
  var MAX_OPTIONS = 40;
  var names = null;
  var loading = null;
  var originals = {};

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function load(url) {
    if (!loading) {
      loading = fetch(url, { credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (list) { names = list.map(function (name) { return [fold(name), name]; }); })
        .catch(function () { names = []; });
    }
    return loading;
  }

  function matches(typed) {
    var starts = [];
    var words = [];
    for (var i = 0; i < names.length && starts.length < MAX_OPTIONS; i++) {
      var key = names[i][0];
      if (key.indexOf(typed) === 0) { starts.push(names[i][1]); }
      else if (words.length < MAX_OPTIONS && key.indexOf(" " + typed) > 0) { words.push(names[i][1]); }
    }
    return starts.concat(words).slice(0, MAX_OPTIONS);
  }

  function offer(input) {
    var list = input.list;
    if (!list || !names) { return; }
    if (!(list.id in originals)) { originals[list.id] = list.innerHTML; }
    var typed = fold(input.value);
    if (typed.length < 2) {
      if (list.getAttribute("data-filled")) { list.innerHTML = originals[list.id]; list.removeAttribute("data-filled"); }
      return;
    }
    var fragment = document.createDocumentFragment();
    matches(typed).forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      fragment.appendChild(option);
    });
    list.replaceChildren(fragment);
    list.setAttribute("data-filled", "1");
  }

  function placeField(event) {
    var target = event.target;
    return target && target.matches && target.matches("input[data-place-names]") ? target : null;
  }

  document.addEventListener("focusin", function (event) {
    var input = placeField(event);
    if (input) { load(input.getAttribute("data-place-names")).then(function () { offer(input); }); }
  });
  document.addEventListener("input", function (event) {
    var input = placeField(event);
    if (input) { offer(input); }
  });
}());
