// Inside the widget's iframe: tell the framing page our height, so its embed-host.js
// can fit the iframe to it. Target "*": we cannot know who frames us, and a height
// is no secret (the message carries nothing else).
(function () {
  "use strict";
  if (window.parent === window) return;
  var root = document.documentElement, sent = 0;
  function tell() {
    // <html> is as tall as its content; scrollHeight never drops below the iframe's.
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height > 0 && height !== sent) {
      sent = height;
      window.parent.postMessage({ type: "neuron-lab:resize", height: height }, "*");
    }
  }
  if (window.ResizeObserver) new ResizeObserver(tell).observe(root);
  else window.addEventListener("resize", tell);
  window.addEventListener("load", tell);
  // The host script may load after our first message (it is async): it then asks again.
  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.type === "neuron-lab:measure") {
      sent = 0;
      tell();
    }
  });
  tell();
})();
