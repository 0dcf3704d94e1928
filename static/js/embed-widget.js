// Inside the Neuron Lab widget's iframe: tell the page that frames it how tall the
// widget is, so that page's embed-host.js can size the iframe to fit, with no
// scrollbar. The message goes to any origin ("*"): the widget cannot know who
// frames it, and its height is not a secret. It carries nothing else.
(function () {
  "use strict";
  if (window.parent === window) return; // opened on its own: nobody to tell

  var root = document.documentElement;
  var sent = 0;

  function tell() {
    // The <html> box is as tall as the content (no height is set on it), unlike
    // scrollHeight, which never drops below the iframe's current height.
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height > 0 && height !== sent) {
      sent = height;
      window.parent.postMessage({ type: "neuron-lab:resize", height: height }, "*");
    }
  }

  if (typeof ResizeObserver === "function") {
    new ResizeObserver(tell).observe(root);
  } else {
    window.addEventListener("resize", tell);
  }
  window.addEventListener("load", tell);
  tell();
})();
