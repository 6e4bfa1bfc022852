/* arkisto report: rows jump to their evidence, marks to their rows, chips toggle highlights. */
(function () {
  "use strict";
  function marksOf(ref) {
    return document.querySelectorAll('mark[data-rec="' + CSS.escape(ref) + '"]');
  }
  function select(ref, scrollPanel) {
    document.querySelectorAll("tr.selected").forEach(function (tr) { tr.classList.remove("selected"); });
    var row = document.getElementById("row-" + ref);
    if (!row) return;
    row.classList.add("selected");
    var panel = row.closest(".records");
    if (scrollPanel && panel) {
      var offset = row.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      panel.scrollTop += offset - panel.clientHeight / 3;
    }
  }
  function show(ref, scrollPanel) {
    var first = document.getElementById(ref);
    if (!first || first.tagName !== "MARK") return false;
    first.scrollIntoView({block: "center"});
    document.querySelectorAll("mark.flash").forEach(function (m) { m.classList.remove("flash"); });
    void first.offsetWidth; // restart the animation when the same record is clicked again
    marksOf(ref).forEach(function (m) { m.classList.add("flash"); });
    select(ref, scrollPanel);
    if (history.replaceState) history.replaceState(null, "", "#" + ref);
    return true;
  }
  document.addEventListener("click", function (event) {
    var row = event.target.closest("tr[data-target]");
    if (row) {
      var link = event.target.closest("a");
      if (link && link.getAttribute("href").charAt(0) !== "#") return;
      if (show(row.getAttribute("data-target"), false)) event.preventDefault();
      return;
    }
    var mark = event.target.closest("mark[data-rec]");
    if (mark) select(mark.getAttribute("data-rec"), true);
  });
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      var text = document.querySelector(".doc-text");
      if (text) text.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });
  if (location.hash.length > 1) {
    var ref = decodeURIComponent(location.hash.slice(1));
    window.addEventListener("load", function () { show(ref, true); });
  }
})();
