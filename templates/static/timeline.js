// Timeline filters: progressive enhancement. Without JS every event stays listed.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var timeline = document.getElementById("timeline");
  if (!form || !timeline) { return; }
  form.hidden = false;
  var fields = ["carrier", "kind", "entity"];
  var items = Array.prototype.slice.call(timeline.querySelectorAll(".event"));
  var sections = Array.prototype.slice.call(timeline.querySelectorAll(".period"));
  var empty = document.getElementById("timeline-empty");

  function words(el, name) {
    return (el.getAttribute("data-" + name) || "").split(" ");
  }

  function apply(updateUrl) {
    var want = {};
    fields.forEach(function (f) { want[f] = form.elements[f].value; });
    var shown = 0;
    items.forEach(function (el) {
      var ok = (!want.carrier || words(el, "carriers").indexOf(want.carrier) >= 0) &&
        (!want.kind || el.getAttribute("data-kind") === want.kind) &&
        (!want.entity || words(el, "entities").indexOf(want.entity) >= 0);
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
