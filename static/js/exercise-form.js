// Progressive enhancement for the trainer's exercise form; the form works without it.
// Shows only the fields of the chosen kind, and fills the slug from the title until the
// trainer types a slug of their own.
(function () {
  "use strict";
  var kind = document.getElementById("kind");
  if (kind) {
    var show = function () {
      document.querySelectorAll(".kind-fields").forEach(function (block) {
        block.hidden = block.getAttribute("data-kinds").split(" ").indexOf(kind.value) < 0;
      });
    };
    kind.addEventListener("change", show);
  }
  var title = document.getElementById("title");
  var slug = document.getElementById("slug");
  if (title && slug && !slug.value) {
    var touched = false;
    slug.addEventListener("input", function () { touched = true; });
    title.addEventListener("input", function () {
      if (touched) { return; }
      slug.value = title.value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
        .toLowerCase().match(/[a-z0-9]+/g)?.join("-").slice(0, 72) || "";
    });
  }
})();
