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
  // The menu and the search filters are <details>: on wide screens CSS shows their content
  // without the button (::details-content); browsers without it get them opened here.
  document.addEventListener("DOMContentLoaded", function () {
    var styled = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    document.querySelectorAll("details[data-open-from]").forEach(function (details) {
      var wide = window.matchMedia("(min-width: " + details.getAttribute("data-open-from") + ")");
      if (!styled) {
        var sync = function () { details.open = wide.matches; };
        sync();
        wide.addEventListener("change", sync);
      }
      // Escape closes an open menu on a narrow screen and returns to its button.
      details.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && details.open && !wide.matches) {
          details.open = false;
          details.querySelector("summary").focus();
        }
      });
    });
  });
  // Move focus to an error summary so screen reader users hear what went wrong.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
  });
})();

// An import run's page follows its progress without reloading (the page has a link too).
(function () {
  "use strict";
  var section = document.querySelector("[data-progress-url]");
  if (!section || !window.fetch) { return; }
  var url = section.getAttribute("data-progress-url");
  function show(data) {
    Object.keys(data).forEach(function (key) {
      section.querySelectorAll('[data-field="' + key + '"]').forEach(function (node) {
        node.textContent = data[key];
      });
    });
    var bar = section.querySelector("progress");
    if (bar) { bar.max = Math.max(1, data.total); bar.value = data.done; }
    var wrap = section.querySelector('[data-wrap="currentFile"]');
    if (wrap) { wrap.hidden = !data.currentFile; }
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        show(data);
        if (data.finished) { window.location.reload(); } else { window.setTimeout(poll, 1500); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
