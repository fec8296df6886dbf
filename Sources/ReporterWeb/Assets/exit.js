// Optional: the pages work without this. With it, the quick exit replaces this page in the
// browser's history (so Back does not return here), clears what is on screen first, and
// pressing Escape twice leaves too.
(function () {
  "use strict";
  function leave(event) {
    var link = document.querySelector("a.exit");
    if (!link) { return; }
    if (event) { event.preventDefault(); }
    for (var i = 0; i < document.forms.length; i++) { document.forms[i].reset(); }
    document.title = "";
    document.body.textContent = "";
    window.location.replace(link.href);
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("a.exit")) { leave(event); }
  });
  var presses = 0, timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 2) { leave(null); }
  });
}());
