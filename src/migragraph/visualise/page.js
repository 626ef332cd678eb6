// Draws the network of the page and wires its controls. Offline: no library beyond vis-network.
// Hover text arrives as escaped HTML built by migragraph (visualise/style.py): it is parsed into
// elements here because vis-network shows a string title as plain text. Nothing else is parsed as
// HTML: names, titles and partner lines are set as text, and links only to http(s) URLs.
(function () {
  "use strict";
  var LABEL_PX = 12;       // the on-screen size of a label
  var TOP_LABEL_PX = 14;   // ... of the ten most central
  var MUST_SHOW = 20;      // the most central labels are always drawn, moved apart if need be
  var PAD = 3;             // px kept free around each label
  var HIDDEN_PX = 0.5;     // a label drawn smaller than vis-network's threshold is not drawn at all
  var FIRST_LABELS = 50;   // labels at the first view; four times as many at twice the zoom
  var fitScale = null;     // the scale of the first view

  function asElement(item) {
    var made = Object.assign({}, item, {baseColor: item.color});
    if (typeof item.title !== "string") { return made; }
    var box = document.createElement("div");
    box.innerHTML = item.title;
    made.title = box;
    return made;
  }
  function dataSets(nodeItems, edgeItems) {
    return {nodes: new vis.DataSet(nodeItems.map(asElement)), edges: new vis.DataSet(edgeItems.map(asElement))};
  }
  var sets = {full: dataSets(nodes.get(), edges.get())};
  Object.keys(views).forEach(function (name) { sets[name] = dataSets(views[name].nodes, views[name].edges); });
  var current = "full";
  nodes = sets.full.nodes;
  edges = sets.full.edges;

  var container = document.getElementById("mynetwork");
  network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  var showIsolated = false;
  var highlighted = null;

  // ------------------------------------------------------------------ visibility

  function isolatedIds() {
    var linked = {};
    edges.forEach(function (e) { linked[e.from] = true; linked[e.to] = true; });
    return nodes.getIds().filter(function (id) { return !linked[id]; });
  }
  function applyVisibility() {
    var shown = {};
    document.querySelectorAll(".type-filter").forEach(function (box) { shown[box.value] = box.checked; });
    var isolated = {};
    isolatedIds().forEach(function (id) { isolated[id] = true; });
    var hidden = {};
    nodes.update(nodes.get().map(function (n) {
      hidden[n.id] = shown[n.kind] === false || (isolated[n.id] === true && !showIsolated);
      return {id: n.id, hidden: hidden[n.id]};
    }));
    edges.update(edges.get().map(function (e) { return {id: e.id, hidden: hidden[e.from] || hidden[e.to]}; }));
    var visible = nodes.get({filter: function (n) { return !n.hidden; }}).length;
    document.getElementById("isolated-count").textContent = String(Object.keys(isolated).length);
    document.getElementById("shown-count").textContent =
      "Showing " + visible.toLocaleString("en") + " of " + nodes.length.toLocaleString("en") + " entities";
  }

  // ------------------------------------------------------------------ labels by importance and zoom

  var measurer = document.createElement("canvas").getContext("2d");
  function textWidth(text, px) {
    measurer.font = px + "px arial";
    return measurer.measureText(text).width;
  }
  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }
  function fits(box, placed, bounds) {
    if (box.left < bounds.left || box.right > bounds.right || box.top < bounds.top || box.bottom > bounds.bottom) {
      return false;
    }
    for (var i = 0; i < placed.length; i++) { if (overlaps(box, placed[i])) { return false; } }
    return true;
  }
  // The label's box on screen (container coordinates) when its node is drawn at `at` (canvas
  // coordinates): where vis-network puts a label under a node (its labelModule.size, measured: the
  // box starts 0.55 of the font size below the node and is one font size high).
  function labelBox(node, at, px, scale) {
    var centre = network.canvasToDOM(at);
    var width = textWidth(node.label, px);
    var top = centre.y + node.size * scale + 0.55 * px;
    return {left: centre.x - width / 2 - PAD, right: centre.x + width / 2 + PAD,
            top: top - PAD, bottom: top + px + PAD};
  }
  function tryPlaces(node, at, px, scale, placed, bounds) {
    var box = labelBox(node, at, px, scale);
    return fits(box, placed, bounds) ? {box: box} : null;
  }
  // A label the page must show that has no free place: move its node a little, outward, until it has.
  function nudge(node, at, px, scale, placed, bounds) {
    for (var step = 1; step <= 24; step++) {
      var angle = step * 2.4;  // a spiral: each try a little further out, all around
      var reach = (6 + step * 5) / scale;
      var moved = {x: at.x + Math.cos(angle) * reach, y: at.y + Math.sin(angle) * reach};
      var found = tryPlaces(node, moved, px, scale, placed, bounds);
      if (found) {
        network.moveNode(node.id, moved.x, moved.y);
        return found;
      }
    }
    return null;
  }
  function placeLabels() {
    var scale = network.getScale();
    var rect = container.getBoundingClientRect();
    var bounds = {left: 0, top: 0, right: rect.width, bottom: rect.height};
    var shownNodes = nodes.get({filter: function (n) { return !n.hidden; }});
    shownNodes.sort(function (a, b) { return a.rank - b.rank; });
    var positions = network.getPositions(shownNodes.map(function (n) { return n.id; }));
    var placed = [];
    var updates = [];
    var boxes = {};
    var zoomed = Math.max(1, scale / (fitScale || scale));
    var most = Math.round(FIRST_LABELS * zoomed * zoomed);
    shownNodes.forEach(function (node, i) {
      var px = i < 10 ? TOP_LABEL_PX : LABEL_PX;
      var found = placed.length < most ? tryPlaces(node, positions[node.id], px, scale, placed, bounds) : null;
      if (!found && i < MUST_SHOW) { found = nudge(node, positions[node.id], px, scale, placed, bounds); }
      if (found) {
        placed.push(found.box);
        boxes[node.id] = found.box;
        updates.push({id: node.id, font: {size: px / scale}});
      } else {
        updates.push({id: node.id, font: {size: HIDDEN_PX / scale}});
      }
    });
    nodes.update(updates);
    window.labelsPlaced = placed.length;
    window.labelBoxes = boxes;  // where each label was placed (screen px), which the tests check
  }
  var pending = null;
  function placeSoon() {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(function () { pending = null; placeLabels(); }, 120);
  }
  network.on("zoom", placeSoon);
  network.on("dragEnd", placeSoon);

  function settled() {
    network.setOptions({physics: {enabled: false}});  // settled: a large page stays responsive
    network.fit({animation: false});
    fitScale = network.getScale();
    placeLabels();
    document.body.dataset.ready = "1";
  }
  network.on("stabilizationIterationsDone", settled);

  // ------------------------------------------------------------------ selection, neighbourhood, partners

  var side = document.getElementById("details");
  var panel = document.getElementById("partners");
  function element(tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined) { el.textContent = text; }
    if (cls) { el.className = cls; }
    return el;
  }
  function countsText(counts) {
    var words = {"met": "met", "signed": "signed with", "funded": "funded", "funded by": "funded by"};
    return Object.keys(counts).map(function (k) { return (words[k] || k) + " " + counts[k] + "×"; }).join(" · ");
  }
  function sourceLink(index) {
    var s = sources[index];
    var label = s.title + (s.date ? " (" + s.date + ")" : "");
    if (!s.url || !/^https?:\/\//i.test(s.url)) { return element("span", label); }
    var a = element("a", label);
    a.href = s.url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function showPartners(id) {
    var node = nodes.get(id) || sets.full.nodes.get(id);
    panel.replaceChildren();
    if (!node) { return; }
    // (each line [partner, counts, since, reported, evidence, sources]; partnerActors[partner] is [id, label, type])
    var lines = (partners[id] || []).map(function (row) {
      var who = partnerActors[row[0]];
      return {id: who[0], label: who[1], kind: who[2], counts: row[1], since: row[2], reported: row[3] === 1,
              evidence: row[4], sources: row[5]};
    });
    panel.appendChild(element("h2", "Partners of " + node.fullLabel));
    if (!lines.length) {
      panel.appendChild(element("p", "No meeting, framework or funding with another actor.", "hint"));
      return;
    }
    var list = element("ol");
    lines.forEach(function (line) {
      var item = element("li");
      item.dataset.partner = line.id;
      var name = element("button", line.label, "partner");
      name.type = "button";
      name.addEventListener("click", function () { select(line.id); });
      item.appendChild(name);
      item.appendChild(element("div", countsText(line.counts), "counts"));
      if (line.since) {
        item.appendChild(element("div", (line.reported ? "since (reported on) " : "since ") + line.since,
                                 line.reported ? "reported" : "since"));
      }
      var cited = element("div", undefined, "sources");
      line.evidence.forEach(function (index, i) {
        if (i) { cited.appendChild(document.createTextNode(" · ")); }
        cited.appendChild(sourceLink(index));
      });
      if (line.sources > line.evidence.length) {
        cited.appendChild(document.createTextNode(" · and " + (line.sources - line.evidence.length) + " more"));
      }
      item.appendChild(cited);
      list.appendChild(item);
    });
    panel.appendChild(list);
  }
  function highlight(id) {
    var near = {};
    near[id] = true;
    if (id !== null) {
      network.getConnectedNodes(id).forEach(function (n) { near[n] = true; });
    }
    nodes.update(nodes.get().map(function (n) {
      return {id: n.id, color: id !== null && !near[n.id] ? "#dddddd" : n.baseColor};
    }));
    edges.update(edges.get().map(function (e) {
      var touches = id === null || e.from === id || e.to === id;
      return {id: e.id, color: touches ? e.baseColor : "#eeeeee"};
    }));
    highlighted = id;
  }
  function select(id) {
    if (!nodes.get(id)) {  // not drawn in this view: back to the full view, where every entity is
      if (!sets.full.nodes.get(id)) { return; }
      switchView("full", id);
      return;
    }
    if (nodes.get(id).hidden) {
      showIsolated = true;
      document.getElementById("isolated").checked = true;
      applyVisibility();
    }
    network.selectNodes([id]);
    highlight(id);
    showPartners(id);
    side.replaceChildren();
    var item = nodes.get(id);
    if (item && item.title) { side.appendChild(item.title.cloneNode(true)); }
    network.focus(id, {scale: Math.max(network.getScale(), 0.8), animation: false});
    placeLabels();
  }
  window.selectEntity = select;

  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0]); return; }
    highlight(null);
    var item = params.edges.length ? edges.get(params.edges[0]) : null;
    side.replaceChildren();
    if (item && item.title) { side.appendChild(item.title.cloneNode(true)); }
  });

  // Search: a name as written ("IOM"), else the start of one, else any part; the most central wins.
  function find(text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) { return null; }
    var all = sets.full.nodes.get();
    var tests = [function (n) { return n === wanted; }, function (n) { return n.indexOf(wanted) === 0; },
                 function (n) { return n.indexOf(wanted) >= 0; }];
    for (var t = 0; t < tests.length; t++) {
      var hits = all.filter(function (node) {
        return node.names.some(function (name) { return tests[t](name.toLowerCase()); });
      });
      if (hits.length) {
        hits.sort(function (a, b) { return a.rank - b.rank; });
        return hits[0].id;
      }
    }
    return null;
  }
  var search = document.getElementById("search");
  function searched() {
    var id = find(search.value);
    search.setCustomValidity(id === null && search.value.trim() ? "no entity has that name" : "");
    if (id !== null) { select(id); }
  }
  search.addEventListener("change", searched);
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") { searched(); } });

  // ------------------------------------------------------------------ views and filters

  function switchView(name, thenSelect) {
    current = name;
    nodes = sets[name].nodes;
    edges = sets[name].edges;
    document.getElementById("view").value = name;
    document.body.dataset.ready = "0";
    applyVisibility();
    network.setOptions({physics: {enabled: true}});
    network.setData({nodes: nodes, edges: edges});
    if (thenSelect) { network.once("stabilizationIterationsDone", function () { select(thenSelect); }); }
  }
  document.getElementById("view").addEventListener("change", function (event) {
    switchView(event.target.value);
  });
  document.getElementById("isolated").addEventListener("change", function (event) {
    showIsolated = event.target.checked;
    applyVisibility();
    network.fit({animation: false});
    placeLabels();
  });
  document.querySelectorAll(".type-filter").forEach(function (box) {
    box.addEventListener("change", function () { applyVisibility(); placeLabels(); });
  });

  applyVisibility();
})();
