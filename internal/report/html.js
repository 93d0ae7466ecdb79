// Filters and sorting for the findings list. Without this script every
// finding is still listed and opens on click (they are <details>).
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var list = document.getElementById("list");
  var shown = document.getElementById("shown");
  if (!form || !list) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll("details.finding"));
  form.hidden = false;

  function apply() {
    var sev = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=sev]"), function (c) { sev[c.value] = c.checked; });
    var area = form.elements.area.value, rule = form.elements.rule.value, type = form.elements.type.value;
    var q = form.elements.q.value.trim().toLowerCase();
    var n = 0;
    items.forEach(function (el) {
      var d = el.dataset;
      var ok = sev[d.sev] !== false && (!area || d.area === area) && (!rule || d.rule === rule) &&
        (!type || d.type === type) && (!q || el.textContent.toLowerCase().indexOf(q) >= 0);
      el.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = "(" + n + " of " + items.length + " shown)";
  }

  var order = { key: "sev", dir: 1 };
  function value(el, key) {
    var d = el.dataset;
    switch (key) {
      case "sev": return [-Number(d.rank), d.file, Number(d.line)];
      case "rule": return [d.rule, d.file, Number(d.line)];
      case "file": return [d.file, Number(d.line), d.rule];
      default: return [d.component, d.file, Number(d.line)];
    }
  }
  function cmp(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] < b[i]) { return -1; }
      if (a[i] > b[i]) { return 1; }
    }
    return 0;
  }
  function sortBy(key) {
    order.dir = order.key === key ? -order.dir : 1;
    order.key = key;
    items.sort(function (x, y) { return order.dir * cmp(value(x, key), value(y, key)); });
    items.forEach(function (el) { list.appendChild(el); });
    Array.prototype.forEach.call(form.querySelectorAll("[data-sort]"), function (b) {
      b.classList.toggle("active", b.dataset.sort === key);
    });
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  Array.prototype.forEach.call(form.querySelectorAll("[data-sort]"), function (b) {
    b.addEventListener("click", function () { sortBy(b.dataset.sort); });
  });
  // A link to a finding (from the access matrix or a chain) opens it.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    while (el) {
      if (el.tagName === "DETAILS") { el.open = true; el.hidden = false; }
      el = el.parentElement;
    }
  }
  window.addEventListener("hashchange", openTarget);
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  openTarget();
  apply();
}());
