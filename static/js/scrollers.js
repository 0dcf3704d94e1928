// Worked math wider than the screen scrolls sideways (site.css: math[display=block]).
// A scroller must be reachable by keyboard (WCAG 2.1.1; axe "scrollable-region-focusable"):
// recent Chromium and Firefox focus one by themselves, Safari does not. So a formula that
// overflows gets tabindex=0 while it does. A ResizeObserver sees each one laid out (the
// steps below the fold are laid out only as they near the screen: content-visibility)
// and again whenever the screen turns or is resized. (Served minified: static_files.py.)
(function () {
  "use strict";
  var blocks = document.querySelectorAll("math[display=block]");
  if (!blocks.length || !window.ResizeObserver) return;
  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var math = entry.target;
      if (math.scrollWidth > math.clientWidth + 1) math.setAttribute("tabindex", "0");
      else if (math.getAttribute("tabindex") === "0") math.removeAttribute("tabindex");
    });
  });
  blocks.forEach(function (math) { observer.observe(math); });
})();
