// Small enhancements for the public pages; every page works without this script.
// A filter panel (<details class="fold">) starts open on a wide screen, where it sits beside the results,
// and folded on a phone, so the results come first. Without the script it opens with one click.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48.01rem)");
  function unfold() {
    if (!wide.matches) { return; }
    document.querySelectorAll("details.fold").forEach(function (d) { d.open = true; });
  }
  unfold();
  wide.addEventListener("change", unfold);
})();
