// Keyboard shortcuts of the console's lists: j/k move, x selects, o or Enter opens,
// a accepts and d dismisses the selected reports, / goes to search. Everything also works
// with the mouse and without this script.
(function () {
  "use strict";
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) { return; }
    if (e.key === "/") {
      var s = document.getElementById("site-search");
      if (s) { e.preventDefault(); s.focus(); }
      return;
    }
    var table = document.querySelector("table[data-keys='triage']");
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    if (rows.length === 0) { return; }
    var at = rows.findIndex(function (r) { return r.classList.contains("current"); });
    function go(i) {
      if (at >= 0) { rows[at].classList.remove("current"); }
      at = Math.max(0, Math.min(rows.length - 1, i));
      rows[at].classList.add("current");
      var link = rows[at].querySelector("a.open");
      if (link) { link.focus(); }
    }
    if (e.key === "j") { e.preventDefault(); go(at + 1); }
    else if (e.key === "k") { e.preventDefault(); go(at < 0 ? 0 : at - 1); }
    else if (e.key === "x" && at >= 0) {
      e.preventDefault();
      var box = rows[at].querySelector("input[type=checkbox]");
      if (box) { box.checked = !box.checked; }
    } else if ((e.key === "o" || e.key === "Enter") && at >= 0) {
      var open = rows[at].querySelector("a.open");
      if (open) { e.preventDefault(); window.location.href = open.getAttribute("href"); }
    } else if (e.key === "a" || e.key === "d") {
      var button = document.getElementById(e.key === "a" ? "accept" : "dismiss");
      var any = table.querySelector("input[type=checkbox]:checked");
      if (!any && at >= 0) {
        var own = rows[at].querySelector("input[type=checkbox]");
        if (own) { own.checked = true; }
      }
      if (button) {
        e.preventDefault();
        if (e.key === "d") {
          var reason = document.getElementById("triage-reason");
          if (reason && !reason.value) { reason.focus(); return; }
        }
        button.click();
      }
    }
  });
}());
