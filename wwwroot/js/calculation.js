// Live totals for the calculation form: the same Preview handler the "Beräkna" button posts to, its totals section swapped in.
(function () {
  var form = document.getElementById('calc-form');
  var totals = document.getElementById('totals');
  if (!form || !totals || !window.fetch) return;
  var timer;
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch(form.getAttribute('data-preview'), { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('totals');
          var current = document.getElementById('totals');
          if (fresh && current && fresh.querySelector('table')) current.replaceWith(fresh);
        });
    }, 400);
  });
})();
