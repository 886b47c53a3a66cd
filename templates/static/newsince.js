// "New since your last visit" (progressive enhancement): events listed on this page that
// were not listed on any page seen before the current visit get a badge. What was seen is
// kept in this browser's localStorage only; the button forgets it. A visit ends after 30
// minutes without a page view, so marks stay while reading.
(function () {
  "use strict";
  var bar = document.getElementById("new-since");
  if (!bar) { return; }
  var store;
  try { store = window.localStorage; store.getItem("x"); } catch (e) { return; }
  var scope = "briefing:" + bar.getAttribute("data-scope") + ":";
  var VISIT_MS = 30 * 60 * 1000;
  var LIMIT = 20000;  // ids kept, newest last

  function read(key) {
    try { return JSON.parse(store.getItem(scope + key) || "null"); } catch (e) { return null; }
  }
  function write(key, value) {
    try { store.setItem(scope + key, JSON.stringify(value)); } catch (e) { /* full: skip */ }
  }

  var ids = [];
  var items = {};
  Array.prototype.forEach.call(document.querySelectorAll(".event .event-title"), function (a) {
    var found = /events\/([^/]+)\//.exec(a.getAttribute("href") || "");
    if (!found) { return; }
    ids.push(found[1]);
    (items[found[1]] = items[found[1]] || []).push(a.closest(".event"));
  });

  var now = Date.now();
  var seen = read("seen");
  var last = read("active");
  var baseline = read("baseline");
  if (seen && (!last || now - last > VISIT_MS)) {
    baseline = seen;  // a new visit: what was seen until now is the baseline
    write("baseline", baseline);
  }
  write("active", now);
  var known = {};
  (seen || []).forEach(function (id) { known[id] = true; });
  var merged = (seen || []).concat(ids.filter(function (id) { return !known[id]; }));
  write("seen", merged.slice(-LIMIT));
  if (!baseline) { return; }  // the first visit: nothing to compare with

  var before = {};
  baseline.forEach(function (id) { before[id] = true; });
  var fresh = ids.filter(function (id, n) { return !before[id] && ids.indexOf(id) === n; });
  var message = bar.querySelector("p");
  fresh.forEach(function (id) {
    items[id].forEach(function (item) {
      var badge = document.createElement("span");
      badge.className = "badge new";
      badge.textContent = bar.getAttribute("data-label");
      item.classList.add("is-new");
      (item.querySelector(".event-meta") || item).appendChild(badge);
    });
  });
  message.textContent = fresh.length ?
    bar.getAttribute("data-count").replace("{n}", String(fresh.length)) :
    bar.getAttribute("data-none");
  bar.hidden = false;
  bar.querySelector("button").addEventListener("click", function () {
    ["seen", "active", "baseline"].forEach(function (key) { store.removeItem(scope + key); });
    Array.prototype.forEach.call(document.querySelectorAll(".badge.new"), function (b) { b.remove(); });
    Array.prototype.forEach.call(document.querySelectorAll(".is-new"), function (e) {
      e.classList.remove("is-new");
    });
    bar.hidden = true;
  });
}());
