// /graph/ filters: progressive enhancement. Without JS the whole network stays drawn and
// listed. Kinds and period live in the URL (?kind=invests-in,partners-with&from=2022&to=2024).
(function () {
  "use strict";
  var form = document.getElementById("network-filters");
  if (!form) { return; }
  form.hidden = false;
  var edges = Array.prototype.slice.call(document.querySelectorAll(".netgraph .edge, .edge-row"));
  var nodes = Array.prototype.slice.call(document.querySelectorAll(".netgraph .node"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"));
  var output = form.elements.count;

  function year(el, name, fallback) {
    var value = el.getAttribute("data-" + name);
    return value ? parseInt(value, 10) : fallback;
  }

  function apply(updateUrl) {
    var kinds = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var from = form.elements.from ? parseInt(form.elements.from.value, 10) : -Infinity;
    var to = form.elements.to ? parseInt(form.elements.to.value, 10) : Infinity;
    var shown = 0;
    var linked = {};
    edges.forEach(function (el) {
      var has = (el.getAttribute("data-kinds") || "").split(" ").some(function (k) {
        return kinds.indexOf(k) >= 0;
      });
      // undated relations (from entity files) hold whatever the period
      var inPeriod = year(el, "last", to) >= from && year(el, "first", from) <= to;
      var ok = has && inPeriod;
      el.toggleAttribute("hidden", !ok);
      if (el.classList.contains("edge-row")) {
        if (ok) { shown += 1; }
      } else if (ok) {
        linked[el.getAttribute("data-source")] = true;
        linked[el.getAttribute("data-target")] = true;
      }
    });
    nodes.forEach(function (el) {
      el.classList.toggle("faded", !linked[el.getAttribute("data-node")] &&
        !el.classList.contains("carrier"));
    });
    output.textContent = output.getAttribute("data-template").replace("{n}", String(shown));
    if (updateUrl) {
      var params = new URLSearchParams();
      if (kinds.length !== boxes.length) { params.set("kind", kinds.join(",")); }
      if (form.elements.from && form.elements.from.selectedIndex !== 0) { params.set("from", String(from)); }
      if (form.elements.to && form.elements.to.selectedIndex !== form.elements.to.options.length - 1) {
        params.set("to", String(to));
      }
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }
  }

  var params = new URLSearchParams(window.location.search);
  if (params.has("kind")) {
    var wanted = params.get("kind").split(",");
    boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
  }
  ["from", "to"].forEach(function (name) {
    var select = form.elements[name];
    var value = params.get(name);
    if (select && value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      select.value = value;
    }
  });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  apply(false);
}());
