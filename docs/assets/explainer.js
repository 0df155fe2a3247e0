/* The site's only script of its own: timeline filters, sortable tables and their cells' labels. No network. */
(function () {
  function setUpTimelineFilter() {
    var form = document.querySelector("form.timeline-filter");
    if (!form) return;
    var shown = form.querySelector("output.timeline-shown");
    var apply = function () {
      var category = form.elements.category.value;
      var entity = form.elements.entity.value;
      var items = document.querySelectorAll("ol.timeline > li");
      var count = 0;
      items.forEach(function (item) {
        var okCategory = !category || item.dataset.category === category;
        var okEntity = !entity || item.dataset.entities.split(" ").indexOf(entity) >= 0;
        item.hidden = !(okCategory && okEntity);
        if (!item.hidden) count += 1;
      });
      // The words come from the page ("{n} of {total} events shown"), so each language has its own.
      if (shown) shown.textContent = shown.dataset.words.replace("{n}", count).replace("{total}", items.length);
    };
    form.addEventListener("change", apply);
    apply();
  }

  function sortKey(cell) {
    var marked = cell.querySelector("[data-sort]");
    var time = cell.querySelector("time");
    if (marked) return parseFloat(marked.dataset.sort);
    if (time) return time.getAttribute("datetime");
    return cell.textContent.trim();
  }

  function setUpSortableTables() {
    document.querySelectorAll(".md-typeset table:not(.no-sort)").forEach(function (table) {
      var head = table.tHead;
      if (!head || !table.tBodies.length) return;
      Array.prototype.forEach.call(head.rows[0].cells, function (th, column) {
        th.setAttribute("aria-sort", "none");
        th.tabIndex = 0;
        var sort = function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(head.rows[0].cells, function (c) { c.setAttribute("aria-sort", "none"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = sortKey(a.cells[column]), y = sortKey(b.cells[column]);
            var result = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
            return ascending ? result : -result;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        };
        th.addEventListener("click", sort);
        th.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
      });
    });
  }

  // Each cell is labelled with its column's name, which a phone shows above it when the table is stacked (explainer.css).
  function labelTableCells() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      if (!table.tHead) return;
      var names = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          Array.prototype.forEach.call(row.cells, function (cell, i) { cell.dataset.label = names[i] || ""; });
        });
      });
    });
  }

  // Material's search overlay is a dialog without a name; screen readers announce it by its field's label.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
    }
  }

  var start = function () { setUpTimelineFilter(); labelTableCells(); setUpSortableTables(); nameSearchDialog(); };
  if (window.document$) { window.document$.subscribe(start); } else { document.addEventListener("DOMContentLoaded", start); }
})();
