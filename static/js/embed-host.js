// On the page that embeds Neuron Lab: resize each widget iframe to the height its
// content reports (see embed-widget.js). A widget is any of Neuron Lab's framable
// pages (/embed, /embed/challenge …) on the site this script came from. A message is
// trusted only if it has the expected shape, comes from the very window of one of
// this page's widget iframes, and from that iframe's own origin. Without this script
// the iframe simply keeps the height written in its tag and scrolls.
(function () {
  "use strict";
  if (window.neuronLabEmbedHost) return; // pasted twice: one listener is enough
  window.neuronLabEmbedHost = true;

  var MAX_HEIGHT = 20000; // px: far taller than any lesson, short of absurd
  // The widgets' paths: /embed, and /embed/<widget> (the challenge's), under any prefix.
  var WIDGET_PATH = /\/embed(\/[a-z-]+)?$/;
  // The site this script was loaded from (unknown in a browser without currentScript:
  // then any origin's widget paths, each still checked against its own messages).
  var SITE = document.currentScript ? originOf(document.currentScript.src) : null;

  function originOf(url) {
    try {
      return new URL(url, document.baseURI).origin;
    } catch (error) {
      return null;
    }
  }

  function isResize(data) {
    return (
      data !== null &&
      typeof data === "object" &&
      data.type === "neuron-lab:resize" &&
      typeof data.height === "number" &&
      isFinite(data.height) &&
      data.height > 0 &&
      data.height <= MAX_HEIGHT
    );
  }

  function widgetFrameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function srcOf(frame) {
    try {
      return new URL(frame.src, document.baseURI);
    } catch (error) {
      return null;
    }
  }

  function isWidget(src) {
    return !!src && WIDGET_PATH.test(src.pathname) && (SITE === null || src.origin === SITE);
  }

  // With box-sizing: border-box (common in site styles) the height includes the
  // iframe's border and padding, which the content's height must be added to.
  function boxExtra(frame) {
    var style = window.getComputedStyle(frame);
    if (style.boxSizing !== "border-box") return 0;
    var padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    return frame.offsetHeight - frame.clientHeight + (padding || 0);
  }

  window.addEventListener("message", function (event) {
    if (!isResize(event.data)) return;
    var frame = widgetFrameOf(event.source);
    var src = frame && srcOf(frame);
    if (!isWidget(src) || src.origin !== event.origin) return;
    var wanted = Math.ceil(event.data.height) + boxExtra(frame);
    // oEmbed consumers may cap the height (data-max-height): then the widget scrolls.
    var cap = parseInt(frame.getAttribute("data-max-height"), 10);
    frame.height = String(cap > 0 ? Math.min(wanted, cap) : wanted);
    frame.style.maxWidth = "100%"; // the tag's width, but never wider than the page
  });

  // Widgets that loaded before this (async) script told nobody their height: ask them.
  // Target "*": a frame still loading is about:blank, and naming the widget's origin
  // would log an error there; the request carries nothing but its type.
  var frames = document.getElementsByTagName("iframe");
  for (var i = 0; i < frames.length; i++) {
    var src = srcOf(frames[i]);
    if (isWidget(src) && frames[i].contentWindow) {
      frames[i].contentWindow.postMessage({ type: "neuron-lab:measure" }, "*");
    }
  }
})();
