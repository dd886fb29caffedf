// The media picker: opens the dialog from a button beside an image field, lists the library (a server-rendered fragment), filters it as
// the editor types, fills the field with the chosen image, and uploads from inside the dialog. Without this script the field is typed.
(function () {
  "use strict";
  var dialog = document.getElementById("media-picker");
  if (!dialog || typeof dialog.showModal !== "function") { return; }
  var list = document.getElementById("media-picker-list");
  var search = document.getElementById("media-picker-search");
  var upload = dialog.querySelector("form.media-picker-upload");
  var errors = dialog.querySelector("[data-media-errors]");
  var field = null;
  var altField = null;
  var altEnField = null;

  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    list.querySelectorAll("li[data-search]").forEach(function (li) {
      var text = li.getAttribute("data-search");
      li.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
  }

  function load() {
    return fetch(dialog.getAttribute("data-list"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) { list.innerHTML = html; filter(); });
  }

  function choose(url, alt, altEn) {
    if (field) { field.value = url; field.dispatchEvent(new Event("change", { bubbles: true })); }
    if (altField && alt && !altField.value) { altField.value = alt; }
    if (altEnField && altEn && !altEnField.value) { altEnField.value = altEn; }
    dialog.close();
    if (field) { field.focus(); }
  }

  document.querySelectorAll("button[data-media-picker]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      field = document.getElementById(button.getAttribute("data-media-picker"));
      altField = document.getElementById(button.getAttribute("data-media-alt") || "");
      altEnField = document.getElementById(button.getAttribute("data-media-alt-en") || "");
      dialog.showModal();
      search.focus();
      load();
    });
  });
  search.addEventListener("input", filter);
  list.addEventListener("click", function (e) {
    var choice = e.target.closest("button.media-choice");
    if (choice) { choose(choice.getAttribute("data-url"), choice.getAttribute("data-alt"), choice.getAttribute("data-alt-en")); }
  });
  dialog.querySelector("[data-media-close]").addEventListener("click", function () { dialog.close(); });
  upload.addEventListener("submit", function (e) {
    e.preventDefault();
    errors.hidden = true;
    errors.textContent = "";
    // The form's fields are left as they are when the upload is refused: the editor corrects the file and keeps the alt text.
    fetch(upload.action, { method: "POST", body: new FormData(upload), credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (answer.ok) {
          upload.reset();
          load();
          choose(answer.body.url, answer.body.alt, answer.body.altEn);
          return;
        }
        var ul = document.createElement("ul");
        Object.keys(answer.body.errors || {}).forEach(function (key) {
          var li = document.createElement("li");
          li.textContent = answer.body.errors[key];
          ul.appendChild(li);
        });
        errors.appendChild(ul);
        errors.hidden = false;
      })
      .catch(function () {
        errors.textContent = dialog.getAttribute("data-failed") || "";
        errors.hidden = false;
      });
  });
})();
