// Draws the network of the page and wires its controls. Offline: no library beyond vis-network.
// Hover text arrives as escaped HTML built by migragraph (visualise/style.py): it is parsed into
// elements here because vis-network shows a string title as plain text. Nothing else is parsed as HTML.
(function () {
  function asElement(item) {
    if (typeof item.title !== "string") { return item; }
    var box = document.createElement("div");
    box.innerHTML = item.title;
    return Object.assign({}, item, {title: box});
  }
  nodes.update(nodes.get().map(asElement));
  edges.update(edges.get().map(asElement));
  var container = document.getElementById("mynetwork");
  network = new vis.Network(container, {nodes: nodes, edges: edges}, options);

  network.once("stabilizationIterationsDone", function () {
    // Settled: stop the simulation so a large page stays responsive.
    network.setOptions({physics: {enabled: false}});
    document.body.dataset.ready = "1";
  });

  // Click a node or an edge: its hover text stays in the side panel, where its links can be followed.
  var details = document.getElementById("details");
  network.on("click", function (params) {
    var item = params.nodes.length ? nodes.get(params.nodes[0])
      : params.edges.length ? edges.get(params.edges[0]) : null;
    details.replaceChildren();
    if (item && item.title) { details.appendChild(item.title.cloneNode(true)); }
  });

  // Filter by type: hide the nodes of unticked types, and the edges that touch them.
  function applyFilter() {
    var shown = {};
    document.querySelectorAll(".type-filter").forEach(function (box) { shown[box.value] = box.checked; });
    var hidden = {};
    nodes.update(nodes.get().map(function (n) {
      hidden[n.id] = shown[n.kind] === false;
      return {id: n.id, hidden: hidden[n.id]};
    }));
    edges.update(edges.get().map(function (e) {
      return {id: e.id, hidden: hidden[e.from] || hidden[e.to]};
    }));
  }
  document.querySelectorAll(".type-filter").forEach(function (box) {
    box.addEventListener("change", applyFilter);
  });
})();
