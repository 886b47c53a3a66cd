// Full-text search over the index in search/ (built by briefing/search/index.py).
// The query rules mirror briefing/search/query.py and tokens.py step for step: keep them in
// step (tests/search compares the two). No external resources; content goes into the page
// through textContent only.
(function () {
  "use strict";

  // --- tokens (tokens.py) -------------------------------------------------------------------
  var CJK = "\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3\\uf900-\\ufaff";
  var RUN = new RegExp("([" + CJK + "]+)|((?:(?![" + CJK + "])[\\p{L}\\p{N}])+)", "gu");
  var HANGUL_RUN = /^[\uac00-\ud7a3]+$/;
  var PREFIX_MIN = 3;
  var PREFIX_MAX = 10;
  var ALIAS_SPAN = 6;
  var NAME_TERM = "@name:";
  var PAGE = 20;  // results shown at a time
  var AHEAD = 3;  // results whose records are fetched before typing pauses
  var DEBOUNCE_MS = 80;
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var PARTICLES = ["에서부터", "으로부터", "까지는", "로부터", "부터는", "에게는", "에게서",
    "에서는", "에서도", "에서의", "으로는", "으로도", "으로서", "으로써", "이라고", "이라는",
    "한테서", "과는", "과의", "까지", "께서", "라고", "라는", "로는", "로도", "로서", "로써",
    "만큼", "보다", "부터", "에게", "에는", "에도", "에서", "와는", "와의", "으로", "이고",
    "이나", "이다", "이랑", "이며", "처럼", "한테", "가", "과", "나", "는", "도", "랑", "로",
    "를", "만", "에", "와", "은", "을", "의", "이"];
  var DIGIT = {};
  for (var d = 0; d < DIGITS.length; d++) { DIGIT[DIGITS.charCodeAt(d)] = d; }

  function normalize(text) { return text.normalize("NFKC").toLowerCase(); }

  function chars(text) { return Array.from(text); }  // code points, as Python counts

  function fnv1a(term) {
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) {
      h ^= term.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }

  function queryRuns(text) {
    var runs = [];
    var end = -1;
    var match;
    var norm = normalize(text);
    RUN.lastIndex = 0;
    while ((match = RUN.exec(norm)) !== null) {
      runs.push({ text: match[0], cjk: match[1] !== undefined, attached: match.index === end });
      end = match.index + match[0].length;
    }
    return runs;
  }

  function cjkTerms(run) {
    var c = chars(run);
    if (c.length === 1) { return [run]; }
    var out = [];
    for (var i = 0; i < c.length - 1; i++) { out.push(c[i] + c[i + 1]); }
    return out;
  }

  function wordTerm(run) {
    var c = chars(run);
    return c.length < PREFIX_MIN ? run : c.slice(0, PREFIX_MAX).join("");
  }

  function stripParticle(run) {
    if (!HANGUL_RUN.test(run)) { return run; }
    for (var i = 0; i < PARTICLES.length; i++) {
      var p = PARTICLES[i];
      if (run.length - p.length >= 2 && run.slice(-p.length) === p) {
        return run.slice(0, -p.length);
      }
    }
    return run;
  }

  function aliasKey(text) {
    return queryRuns(text).map(function (r) { return r.text; }).join(" ");
  }

  // --- query (query.py) ---------------------------------------------------------------------
  function runParts(text, cjk, stem) {
    if (cjk) {
      var short = chars(stem).length <= 2;
      var stemTerms = cjkTerms(stem);
      var required = stemTerms.map(function (t) { return { text: t, whole: short }; });
      var optional = cjkTerms(text).filter(function (t) { return stemTerms.indexOf(t) < 0; });
      return [required, optional];
    }
    return [[{ text: wordTerm(text), whole: chars(text).length <= PREFIX_MAX }], []];
  }

  function sameTerm(a, b) { return a.text === b.text && a.whole === b.whole; }

  function alternative(runs) {
    var required = [];
    var optional = [];
    runs.forEach(function (r) {
      var parts = runParts(r[0], r[1], r[2]);
      parts[0].forEach(function (t) {
        if (!required.some(function (q) { return sameTerm(q, t); })) { required.push(t); }
      });
      parts[1].forEach(function (t) { if (optional.indexOf(t) < 0) { optional.push(t); } });
    });
    var names = required.map(function (t) { return t.text; });
    return { required: required, optional: optional.filter(function (t) { return names.indexOf(t) < 0; }) };
  }

  function stems(runs) {
    var kept = [];
    runs.forEach(function (run, i) {
      if (run.cjk && run.attached && i > 0 && !runs[i - 1].cjk && PARTICLES.indexOf(run.text) >= 0) {
        return;
      }
      kept.push([run.text, run.cjk, run.cjk ? stripParticle(run.text) : run.text]);
    });
    return kept;
  }

  function parseQuery(text, aliases, groups) {
    var runs = stems(queryRuns(text));
    var units = [];
    var needles = [];
    var i = 0;
    while (i < runs.length) {
      var found = null;
      var end = i + 1;
      for (var j = Math.min(runs.length, i + ALIAS_SPAN); j > i; j--) {
        var span = runs.slice(i, j);
        var raw = span.map(function (r) { return r[0]; }).join(" ");
        var stemmed = span.slice(0, -1).map(function (r) { return r[0]; })
          .concat([span[span.length - 1][2]]).join(" ");
        found = (aliases.has(raw) && aliases.get(raw)) || (aliases.has(stemmed) && aliases.get(stemmed)) || null;
        if (found) { end = j; break; }
      }
      var spanRuns = runs.slice(i, end);
      var alternatives = [alternative(spanRuns)];
      spanRuns.forEach(function (r) { needles.push(r[2]); });
      (found || []).forEach(function (group) {  // its names, precomputed as one term by the index
        groups[group].forEach(function (name) { needles.push(normalize(name)); });
        alternatives.push({ required: [{ text: NAME_TERM + group, whole: false }], optional: [] });
      });
      units.push(alternatives);
      i = end;
    }
    var unique = Array.from(new Set(needles)).filter(Boolean);
    unique.sort(function (a, b) {
      var la = chars(a).length, lb = chars(b).length;
      return la !== lb ? lb - la : (a < b ? -1 : a > b ? 1 : 0);
    });
    return { units: units, needles: unique };
  }

  function aliasMap(groups) {
    var keys = new Map();
    groups.forEach(function (names, number) {
      names.forEach(function (name) {
        var key = aliasKey(name);
        if (!key) { return; }
        if (!keys.has(key)) { keys.set(key, []); }
        if (keys.get(key).indexOf(number) < 0) { keys.get(key).push(number); }
      });
    });
    return keys;
  }

  function termScore(weight, whole) { return (weight & 11) + (whole && (weight & 16) ? 4 : 0); }

  // A posting list (postings.py: encode) -> {docs: ascending ids, weights}.
  function decode(encoded) {
    var count = 0, i;
    for (i = 0; i < encoded.length; i++) { if (DIGIT[encoded.charCodeAt(i)] < 32) { count++; } }
    var docs = new Float64Array(count);  // ids reach 2**42 (briefing/search/ids.py)
    var weights = new Uint8Array(count);
    var doc = -1, value = 0, scale = 1, n = 0;
    for (i = 0; i < encoded.length; i++) {
      var digit = DIGIT[encoded.charCodeAt(i)];
      value += (digit & 31) * scale;
      if (digit & 32) { scale *= 32; continue; }
      doc += Math.floor(value / 32) + 1;
      docs[n] = doc;
      weights[n] = value % 32;
      n++;
      value = 0;
      scale = 1;
    }
    return { docs: docs, weights: weights };
  }

  // Scored document lists: {docs: ascending ids, scores}, combined by merging.
  function scored(postings, term) {
    var scores = new Int32Array(postings.docs.length);
    var direct = term.text.indexOf(NAME_TERM) === 0;  // a name term's weight is its score
    for (var i = 0; i < scores.length; i++) {
      scores[i] = direct ? postings.weights[i] : termScore(postings.weights[i], term.whole);
    }
    return { docs: postings.docs, scores: scores };
  }

  function both(a, b, combine) {  // documents in a and b
    var docs = [], scores = [], i = 0, j = 0;
    while (i < a.docs.length && j < b.docs.length) {
      if (a.docs[i] < b.docs[j]) { i++; } else if (a.docs[i] > b.docs[j]) { j++; } else {
        docs.push(a.docs[i]);
        scores.push(combine(a.scores[i], b.scores[j]));
        i++;
        j++;
      }
    }
    return { docs: docs, scores: scores };
  }

  function either(a, b) {  // documents in a or b, the better score
    var docs = [], scores = [], i = 0, j = 0;
    while (i < a.docs.length || j < b.docs.length) {
      if (j >= b.docs.length || (i < a.docs.length && a.docs[i] < b.docs[j])) {
        docs.push(a.docs[i]); scores.push(a.scores[i]); i++;
      } else if (i >= a.docs.length || a.docs[i] > b.docs[j]) {
        docs.push(b.docs[j]); scores.push(b.scores[j]); j++;
      } else {
        docs.push(a.docs[i]); scores.push(Math.max(a.scores[i], b.scores[j])); i++; j++;
      }
    }
    return { docs: docs, scores: scores };
  }

  function plusOptional(a, postings) {  // adds the optional term's score where it occurs
    var scores = Array.from(a.scores), i = 0, j = 0;
    while (i < a.docs.length && j < postings.docs.length) {
      if (a.docs[i] < postings.docs[j]) { i++; } else if (a.docs[i] > postings.docs[j]) { j++; } else {
        scores[i] += termScore(postings.weights[j], false);
        i++;
        j++;
      }
    }
    return { docs: a.docs, scores: scores };
  }

  function sum(x, y) { return x + y; }
  function first(x) { return x; }

  // --- the index: fetched lazily, shard by shard, each once ---------------------------------
  // Opened from disk (file://), fetch() may not read files: a --file-urls build also has
  // each index file as a script (search/<name>.js, see briefing/search/scripts.py), loaded
  // on demand, the same files a fetch would read.
  var scriptWaits = new Map();  // name -> [resolve, reject]
  window.briefingSearchFile = function (name, data) {
    var wait = scriptWaits.get(name);
    if (wait) { scriptWaits.delete(name); wait[0](data); }
  };

  function viaScript(url, name) {
    return new Promise(function (resolve, reject) {
      scriptWaits.set(name, [resolve, reject]);
      var script = document.createElement("script");
      script.src = url.replace(/\.json$/, ".js");
      function gone(message) {
        script.remove();
        if (scriptWaits.has(name)) { scriptWaits.delete(name); reject(new Error(message)); }
      }
      script.onload = function () { gone("no index data in " + script.src); };
      script.onerror = function () { gone("cannot load " + script.src); };
      document.head.appendChild(script);
    });
  }

  function Index(metaUrl, fromDisk) {
    this.metaUrl = metaUrl;
    this.fromDisk = fromDisk;
    this.files = new Map();
    this.postings = new Map();
    this.meta = this.load(metaUrl, true, "meta.json").then(function (meta) {
      this.aliases = aliasMap(meta.groups);
      return meta;
    }.bind(this));
  }
  Index.prototype.load = function (url, fresh, name) {
    if (!this.files.has(url)) {
      var files = this.files;
      var loaded = this.fromDisk ? viaScript(url, name) :
        fetch(url, fresh ? { cache: "no-cache" } : {}).then(function (response) {
          if (!response.ok) { throw new Error(response.status + " " + url); }
          return response.json();
        });
      files.set(url, loaded.catch(function (error) {
        files.delete(url);  // not kept: the next search tries again
        throw error;
      }));
    }
    return this.files.get(url);
  };
  Index.prototype.file = function (meta, name) {
    var path = this.fromDisk ? name : name + "?v=" + meta.version;
    return this.load(new URL(path, this.metaUrl).href, false, name);
  };
  Index.prototype.terms = function (meta, terms) {
    var index = this;
    var missing = terms.filter(function (t) { return !index.postings.has(t); });
    return Promise.all(missing.map(function (term) {
      return index.file(meta, "t/" + (fnv1a(term) % meta.termShards) + ".json").then(function (shard) {
        if (!index.postings.has(term)) {
          index.postings.set(term, decode(Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : ""));
        }
      });
    }));
  };
  Index.prototype.records = function (meta, docs) {
    var index = this;
    return Promise.all(docs.map(function (doc) {
      return index.file(meta, "d/" + (doc % meta.docShards) + ".json").then(function (shard) {
        return shard[String(doc)];
      });
    }));
  };

  function unitScores(index, alternatives) {
    var unit = { docs: [], scores: [] };
    alternatives.forEach(function (alt) {
      var lists = alt.required.map(function (t) { return scored(index.postings.get(t.text), t); });
      var found = lists.reduce(function (acc, list) { return both(acc, list, sum); });
      var scores = Array.from(found.scores, function (total) { return Math.floor(total / lists.length); });
      found = { docs: found.docs, scores: scores };
      alt.optional.forEach(function (t) { found = plusOptional(found, index.postings.get(t)); });
      unit = either(unit, found);
    });
    return unit;
  }

  function queryTerms(parsed) {
    var terms = [];
    parsed.units.forEach(function (alternatives) {
      alternatives.forEach(function (alt) {
        alt.required.forEach(function (t) { terms.push(t.text); });
        alt.optional.forEach(function (t) { terms.push(t); });
      });
    });
    return Array.from(new Set(terms));
  }

  function run(index, meta, query, carrier, kind) {
    var parsed = parseQuery(query, index.aliases, meta.groups);
    if (!parsed.units.length) { return Promise.resolve({ hits: [], query: parsed }); }
    var kindParts = kind.split(":");
    var filters = [];
    if (carrier) { filters.push("@carrier:" + carrier); }
    if (kindParts[1]) { filters.push("@kind:" + kindParts[1]); }
    return index.terms(meta, filters.concat(queryTerms(parsed))).then(function () {
      performance.mark("search-terms");
      var total = parsed.units.map(function (alternatives) { return unitScores(index, alternatives); })
        .reduce(function (acc, unit) { return both(acc, unit, sum); });
      filters.forEach(function (term) {
        total = both(total, scored(index.postings.get(term), { text: term, whole: false }), first);
      });
      var span = meta.types[kindParts[0]] || null;
      var hits = [];
      for (var i = 0; i < total.docs.length; i++) {
        var doc = total.docs[i];
        if (span === null || (doc >= span[0] && doc < span[1])) { hits.push({ doc: doc, score: total.scores[i] }); }
      }
      hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return { hits: hits, query: parsed };
    });
  }

  // --- marking matches ---------------------------------------------------------------------
  var WORD_CHAR = /[\p{L}\p{N}]/u;
  var CJK_CHAR = new RegExp("[" + CJK + "]");

  function ranges(text, needles) {
    var lower = text.toLowerCase();
    if (lower.length !== text.length) { return []; }
    var found = [];
    needles.forEach(function (needle) {
      var word = !CJK_CHAR.test(needle.charAt(0));
      var from = 0, at;
      while ((at = lower.indexOf(needle, from)) >= 0) {
        if (!word || at === 0 || !WORD_CHAR.test(lower.charAt(at - 1))) {
          found.push([at, at + needle.length]);
        }
        from = at + 1;
      }
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) { last[1] = Math.max(last[1], r[1]); } else { merged.push(r.slice()); }
    });
    return merged;
  }

  function marked(parent, text, needles) {
    var position = 0;
    ranges(text, needles).forEach(function (r) {
      parent.appendChild(document.createTextNode(text.slice(position, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      position = r[1];
    });
    parent.appendChild(document.createTextNode(text.slice(position)));
  }

  function excerpt(text, needles) {
    var found = ranges(text, needles);
    if (!found.length || found[0][0] < 80) { return text; }
    var start = text.lastIndexOf(" ", found[0][0] - 40);
    start = start < 0 ? found[0][0] - 40 : start + 1;
    return "…" + text.slice(start);
  }

  // --- the page ------------------------------------------------------------------------------
  var form = document.getElementById("search-form");
  if (!form) { return; }
  var input = document.getElementById("search-q");
  var carrierSelect = document.getElementById("search-carrier");
  var kindSelect = document.getElementById("search-kind");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var data = JSON.parse(form.getAttribute("data-labels"));

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  [[carrierSelect, "carrier"], [kindSelect, "kind"]].forEach(function (pair) {
    var value = params.get(pair[1]);
    if (value && Array.prototype.some.call(pair[0].options, function (o) { return o.value === value; })) {
      pair[0].value = value;
    }
  });

  var fromDisk = window.location.protocol === "file:";
  var index = new Index(new URL(form.getAttribute("data-index"), window.location.href).href,
                        fromDisk);
  // a --file-urls build links pages as folder/index.html
  var fileUrls = form.hasAttribute("data-file-urls");
  var root = form.getAttribute("data-root").replace(/index\.html$/, "");
  function pageHref(path) {
    return root + path + (fileUrls && (path === "" || path.slice(-1) === "/") ? "index.html" : "");
  }
  if (fromDisk) {
    // without the index as scripts (a build for a web server), say what would work
    index.meta.catch(function () {
      document.getElementById("search-server").hidden = false;
    });
  }
  var sequence = 0;
  var timer = null;
  var current = null;  // {hits, query, shown}

  function say(text) { status.textContent = text; }

  // Marks the list when a search has finished (tests and the benchmark wait for it).
  function done(query, mine) {
    list.setAttribute("data-query", query);
    list.setAttribute("data-search", String(mine));
  }

  function updateUrl() {
    var next = new URLSearchParams();
    if (input.value) { next.set("q", input.value); }
    if (carrierSelect.value) { next.set("carrier", carrierSelect.value); }
    if (kindSelect.value) { next.set("kind", kindSelect.value); }
    var query = next.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function kindLabel(record) {
    var label = data.types[record[0]] || record[0];
    var sub = record[0] === "event" ? data.kinds[record[1]] : record[0] === "entity" ? data.entityTypes[record[1]] : "";
    return sub ? label + " · " + sub : label;
  }

  function item(record, needles) {
    var li = document.createElement("li");
    li.className = "search-hit";
    var link = document.createElement("a");
    link.href = pageHref(record[3]);
    link.className = "search-title";
    marked(link, record[2], needles);
    var meta = document.createElement("p");
    meta.className = "meta";
    var badge = document.createElement("span");
    badge.className = "badge kind" + (record[0] === "event" ? " kind-" + record[1] : "");
    badge.textContent = kindLabel(record);
    meta.appendChild(badge);
    if (record[4]) {
      meta.appendChild(document.createTextNode(" "));
      var time = document.createElement("time");
      time.dateTime = record[4];
      time.textContent = record[5];
      meta.appendChild(time);
    }
    var names = record[6].map(function (c) { return data.carriers[c] || c; }).join(", ");
    if (names && record[0] !== "carrier") { meta.appendChild(document.createTextNode(" · " + names)); }
    li.appendChild(link);
    li.appendChild(meta);
    if (record[7]) {
      var snippet = document.createElement("p");
      snippet.className = "snippet";
      marked(snippet, excerpt(record[7], needles), needles);
      li.appendChild(snippet);
    }
    return li;
  }

  // Shows the next page of results, each as soon as it and those before it have arrived.
  function showMore(mine, meta) {
    var hits = current.hits.slice(current.shown, current.shown + PAGE);
    var needles = current.query.needles;
    var records = [];
    var next = 0;
    current.shown += hits.length;
    more.hidden = true;
    function flush() {
      var fragment = document.createDocumentFragment();
      while (next < hits.length && records[next] !== undefined) {
        fragment.appendChild(item(records[next], needles));
        next += 1;
      }
      list.appendChild(fragment);
    }
    return Promise.all(hits.map(function (hit, i) {
      return index.records(meta, [hit.doc]).then(function (found) {
        if (mine !== sequence) { return; }
        records[i] = found[0];
        flush();
      });
    })).then(function () {
      if (mine === sequence) { more.hidden = current.shown >= current.hits.length; }
    });
  }

  function search() {
    clearTimeout(timer);
    timer = null;
    var mine = ++sequence;
    var query = input.value.trim();
    updateUrl();
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      current = null;
      say("");
      done(query, mine);
      return Promise.resolve();
    }
    performance.mark("search-start");
    return index.meta.then(function (meta) {
      return ranking(meta, query, carrierSelect.value, kindSelect.value).then(function (result) {
        if (mine !== sequence) { return null; }
        performance.mark("search-ranked");
        current = { hits: result.hits, query: result.query, shown: 0 };
        list.replaceChildren();
        more.hidden = true;
        if (!result.hits.length) { say(data.strings.none); return null; }
        // digits grouped by hand: toLocaleString's first call costs a frame or two
        say(data.strings.count.replace("{n}", String(result.hits.length).replace(/\B(?=(\d{3})+$)/g, ",")));
        return showMore(mine, meta);
      });
    }).then(function () {
      if (mine === sequence) { done(query, mine); }
    }).catch(function (error) {
      if (mine === sequence) { say(data.strings.error); }
      if (window.console) { window.console.warn(error); }
    });
  }

  // Drawing waits until typing pauses (the debounce). Meanwhile the work it needs starts at
  // once: the query's index shards; and when they are in and the query is still the same,
  // its ranking and the records of its first few results.
  function later() {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
    var query = input.value.trim();
    var carrier = carrierSelect.value;
    var kind = kindSelect.value;
    var runs = queryRuns(query);
    // a lone last character is most likely a word being typed, and a costly term
    if (!runs.length || chars(runs[runs.length - 1].text).length < 2) { return; }
    index.meta.then(function (meta) {
      var parsed = parseQuery(query, index.aliases, meta.groups);
      return index.terms(meta, queryTerms(parsed)).then(function () {
        if (input.value.trim() !== query) { return null; }  // typing went on
        return ranking(meta, query, carrier, kind).then(function (result) {
          return index.records(meta, result.hits.slice(0, AHEAD).map(function (h) { return h.doc; }));
        });
      });
    }).catch(function () { /* search() reports a failed index */ });
  }

  // Rankings by query and filters, the latest few kept (typing back and forth reuses them).
  var rankings = new Map();
  function ranking(meta, query, carrier, kind) {
    var key = JSON.stringify([query, carrier, kind]);
    if (!rankings.has(key)) {
      rankings.set(key, run(index, meta, query, carrier, kind).catch(function (error) {
        rankings.delete(key);  // not kept: the next try fetches again
        throw error;
      }));
      if (rankings.size > 8) { rankings.delete(rankings.keys().next().value); }
    }
    return rankings.get(key);
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("input", later);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
  });
  list.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0) { return; }
    if (event.key === "ArrowDown" && at + 1 < all.length) { event.preventDefault(); all[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
    if (event.key === "Escape") { input.focus(); }
  });
  carrierSelect.addEventListener("change", search);
  kindSelect.addEventListener("change", search);
  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  more.addEventListener("click", function () {
    var first = current ? current.shown : 0;
    index.meta.then(function (meta) { return showMore(sequence, meta); }).then(function () {
      var all = links();
      if (all[first]) { all[first].focus(); }
    });
  });

  // For tests and the benchmark: the ranked documents of the current results.
  window.briefingSearch = {
    ranked: function () { return current ? current.hits.map(function (h) { return [h.doc, h.score]; }) : []; },
    search: search
  };

  if (input.value) { search(); }
})();
