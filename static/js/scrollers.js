// A formula that scrolls sideways is a keyboard stop while it does (WCAG 2.1.1).
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
