// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // Filters and sort order apply as soon as they change (the button covers no-JS use).
  document.addEventListener("change", function (event) {
    var control = event.target;
    if (control.hasAttribute && control.hasAttribute("data-autosubmit") && control.form) {
      control.form.submit();
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // The menu is a <details>: CSS shows its content on wide screens; browsers without
  // ::details-content get it opened here instead. Escape closes it on narrow screens.
  document.addEventListener("DOMContentLoaded", function () {
    var menu = document.querySelector("[data-menu]");
    if (!menu) { return; }
    var wide = window.matchMedia("(min-width: 64rem)");
    var styled = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    if (!styled) {
      var sync = function () { menu.open = wide.matches; };
      sync();
      wide.addEventListener("change", sync);
    }
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open && !wide.matches) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  });
  // Move focus to an error summary so screen reader users hear what went wrong.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
  });
})();
