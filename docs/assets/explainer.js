/* The site's only script of its own: timeline filters, sortable tables and their cells' labels, footnote previews.
   No network. */
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

  // A footnote's preview: hovering over, focusing or tapping a footnote's number shows the note in a small box beside
  // it, with a link to the note itself. Nothing is done when the page loads but to listen on the document: the box is
  // made, filled and placed only when a reader reaches for a note (Material's tooltips set up every note at load).
  function setUpFootnotePreviews() {
    var box = null, shownFor = null, shownAt = 0, lastPointer = "mouse", lastPointerAt = 0, hideTimer = 0, quiet = false;
    var words = null;

    function word(key, n) {
      if (!words) {
        var source = document.getElementById("explainer-words");
        words = source ? JSON.parse(source.textContent) : {};
      }
      return (words[key] || "{n}").replace("{n}", n);
    }

    function referenceOf(node) {
      return node && node.closest ? node.closest("a.footnote-ref") : null;
    }

    function makeBox() {
      box = document.createElement("div");
      box.className = "footnote-preview md-typeset";
      box.id = "footnote-preview";
      box.setAttribute("role", "dialog");
      box.hidden = true;
      box.addEventListener("pointerenter", function () { clearTimeout(hideTimer); });
      box.addEventListener("pointerleave", function (event) { if (event.pointerType === "mouse") hideSoon(); });
      box.addEventListener("keydown", function (event) {
        if (event.key !== "Tab") return;
        var links = box.querySelectorAll("a[href]");
        var first = links[0], last = links[links.length - 1];
        if (event.shiftKey && document.activeElement === first) { event.preventDefault(); shownFor.focus(); }
        else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); focusAfter(shownFor); hide(); }
      });
      document.body.appendChild(box);
    }

    // The next place keyboard focus goes after the note's number, as if the box were not there.
    function focusAfter(element) {
      var all = Array.prototype.filter.call(
        document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"),
        function (e) { return !box.contains(e) && e.tabIndex >= 0 && e.getClientRects().length; }
      );
      var next = all[all.indexOf(element) + 1];
      if (next) next.focus();
    }

    function show(reference) {
      var note = document.getElementById(decodeURIComponent(reference.hash.slice(1)));
      if (!note) return;
      if (!box) makeBox();
      clearTimeout(hideTimer);
      if (shownFor !== reference) {
        var n = reference.textContent.trim();
        box.textContent = "";
        Array.prototype.forEach.call(note.children, function (child) { box.appendChild(child.cloneNode(true)); });
        Array.prototype.forEach.call(box.querySelectorAll(".footnote-backref, [id]"), function (e) {
          if (e.classList.contains("footnote-backref")) e.remove(); else e.removeAttribute("id");
        });
        var go = document.createElement("a");
        go.href = reference.hash;
        go.className = "footnote-preview__go";
        go.textContent = word("footnote.go", n);
        box.appendChild(go);
        box.setAttribute("aria-label", word("footnote.title", n));
        if (shownFor) shownFor.removeAttribute("aria-expanded");
        shownFor = reference;
        shownAt = Date.now();
        reference.setAttribute("aria-controls", box.id);
        reference.setAttribute("aria-expanded", "true");
      }
      box.hidden = false;
      place(reference);
    }

    // Below the number (above it when there is no room below), within the window's width.
    function place(reference) {
      var at = reference.getBoundingClientRect();
      var width = Math.min(box.offsetWidth, document.documentElement.clientWidth - 16);
      var left = Math.max(8, Math.min(at.left + at.width / 2 - width / 2, document.documentElement.clientWidth - width - 8));
      var below = at.bottom + 6;
      var top = below + box.offsetHeight > window.innerHeight && at.top - 6 - box.offsetHeight > 0 ? at.top - 6 - box.offsetHeight : below;
      box.style.left = left + window.scrollX + "px";
      box.style.top = top + window.scrollY + "px";
    }

    function hide() {
      clearTimeout(hideTimer);
      if (!box || box.hidden) return;
      box.hidden = true;
      if (shownFor) shownFor.setAttribute("aria-expanded", "false");
    }

    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 300);
    }

    document.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType;
      lastPointerAt = Date.now();
      if (box && !box.hidden && !box.contains(event.target) && !referenceOf(event.target)) hide();
    });
    document.addEventListener("pointerover", function (event) {
      var reference = referenceOf(event.target);
      if (reference && event.pointerType === "mouse") show(reference);
    });
    document.addEventListener("pointerout", function (event) {
      if (event.pointerType === "mouse" && referenceOf(event.target) && !(box && box.contains(event.relatedTarget))) hideSoon();
    });
    document.addEventListener("focusin", function (event) {
      var reference = referenceOf(event.target);
      if (quiet) quiet = false;  // focus given back by Escape: the box stays closed
      else if (reference && Date.now() - lastPointerAt > 500) show(reference);  // by keyboard: a tap is handled on click
      else if (!reference && box && !box.hidden && !box.contains(event.target)) hide();
    });
    // On a touch screen the first tap on a number shows its note; a second tap, or the box's link, goes to the note.
    document.addEventListener("click", function (event) {
      if (box && box.contains(event.target) && event.target.closest("a[href]")) { hide(); return; }
      var reference = referenceOf(event.target);
      if (!reference || lastPointer === "mouse" || Date.now() - lastPointerAt > 1000) return;
      var shownBefore = shownFor === reference && box && !box.hidden && shownAt < lastPointerAt;
      if (!shownBefore) { event.preventDefault(); show(reference); }
    });
    window.addEventListener("resize", hide);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && box && !box.hidden) {
        var inside = box.contains(document.activeElement);
        hide();
        if (inside && shownFor) { quiet = true; shownFor.focus(); }
      } else if (event.key === "Tab" && !event.shiftKey && box && !box.hidden && document.activeElement === shownFor) {
        var first = box.querySelector("a[href]");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
  }

  var start = function () { setUpTimelineFilter(); labelTableCells(); setUpSortableTables(); nameSearchDialog(); };
  setUpFootnotePreviews();
  if (window.document$) { window.document$.subscribe(start); } else { document.addEventListener("DOMContentLoaded", start); }
})();
