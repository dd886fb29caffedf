// Live preview of Markdown fields: the server renders and sanitises, so the preview is what visitors get.
(function () {
  "use strict";
  var token = document.querySelector("input[name=__RequestVerificationToken]");
  document.querySelectorAll("textarea[data-markdown-preview]").forEach(function (area) {
    var target = document.getElementById(area.getAttribute("data-markdown-preview"));
    if (!target || !token) { return; }
    var timer = null;
    function render() {
      var body = new URLSearchParams();
      body.set("markdown", area.value);
      body.set("__RequestVerificationToken", token.value);
      fetch("/office/markdown", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) { target.innerHTML = html; target.hidden = html.length === 0; });
    }
    area.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(render, 300); });
    if (area.value) { render(); }
  });
})();
