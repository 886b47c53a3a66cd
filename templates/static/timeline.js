// Timeline (and targets) filters: progressive enhancement. Without JS every item stays
// listed. Each <select> of the form filters on the items' data-<plural of its name>
// (space-separated words: data-carriers, data-entities) or data-<name>.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var timeline = document.getElementById("timeline");
  if (!form || !timeline) { return; }
  form.hidden = false;
  var fields = Array.prototype.map.call(form.querySelectorAll("select"), function (s) {
    return s.name;
  });
  var items = Array.prototype.slice.call(timeline.querySelectorAll(".event"));
  var sections = Array.prototype.slice.call(timeline.querySelectorAll(".period"));
  var empty = document.getElementById("timeline-empty");

  function matches(el, name, value) {
    var many = el.getAttribute("data-" + name.replace(/y$/, "ie") + "s");
    if (many !== null) { return many.split(" ").indexOf(value) >= 0; }
    return el.getAttribute("data-" + name) === value;
  }

  function apply(updateUrl) {
    var want = {};
    fields.forEach(function (f) { want[f] = form.elements[f].value; });
    var shown = 0;
    items.forEach(function (el) {
      var ok = fields.every(function (f) { return !want[f] || matches(el, f, want[f]); });
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    sections.forEach(function (s) {
      s.hidden = !s.querySelector(".event:not([hidden])");
    });
    form.elements.count.value = shown + " / " + items.length;
    if (empty) { empty.hidden = shown > 0; }
    if (updateUrl) {
      var params = new URLSearchParams(window.location.search);
      fields.forEach(function (f) {
        if (want[f]) { params.set(f, want[f]); } else { params.delete(f); }
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  var initial = new URLSearchParams(window.location.search);
  fields.forEach(function (f) {
    var value = initial.get(f);
    var select = form.elements[f];
    if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) { select.value = value; }
  });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  apply(false);
})();
