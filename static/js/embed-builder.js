// The embed builder on result pages (templates/lesson/_embed_code.html): as the choices
// change, rebuild the widget URL, the preview, the embed code and the oEmbed URL here,
// the same way webapp/web/embed_builder.py builds them for the page without JavaScript
// (the same option order, the same height table, the same snippet).
(function () {
  "use strict";
  var form = document.querySelector("form[data-embed-builder]");
  if (!form) return;
  // webapp/api/embed_parts.py height_table(), written in by the app when it loads this
  // file (webapp/web/embed_builder.py script_fills)
  var heights = /*HEIGHTS*/null;
  var preview = document.getElementById("embed-preview");
  var code = document.getElementById("embed-code");
  var oembed = document.getElementById("embed-oembed");
  var timer = 0;

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }

  function choices() {
    var parts = [];
    form.querySelectorAll("input[name=embed_parts]:checked").forEach(function (box) {
      parts.push(box.value);
    });
    var controls = !form.elements.embed_controls.checked;
    return {
      parts: parts.length ? parts : ["result", "form", "steps"],
      controls: controls,
      theme: form.elements.embed_theme.value,
      predict: form.elements.embed_mode.checked,
      width: parseInt(form.elements.embed_width.value, 10)
    };
  }

  // webapp/api/oembed.py WidgetOptions.extra(): controls, theme, parts, mode; then
  // webapp/web/links.py: lang last, off English
  function widgetUrl(c) {
    var url = form.getAttribute("data-widget-base");
    var lang = form.getAttribute("data-lang");
    if (!c.controls) url += "&controls=0";
    if (c.theme !== "auto") url += "&theme=" + c.theme;
    if (c.parts.join(",") !== "result,form,steps") url += "&parts=" + c.parts.join(",");
    if (c.predict) url += "&mode=predict";
    if (lang) url += "&lang=" + lang;
    return url;
  }

  // webapp/api/embed_parts.py estimated_height()
  function height(c) {
    var share = Math.min(Math.max((c.width - heights.narrow) / (heights.wide - heights.narrow), 0), 1);
    function at(pair) { return pair[0] + share * (pair[1] - pair[0]); }
    var total = at(heights.chrome);
    c.parts.forEach(function (name) {
      if (c.controls || name !== "form") total += at(heights.parts[name]);
    });
    return Math.round(total);
  }

  function update() {
    var c = choices();
    var src = widgetUrl(c);
    var h = height(c);
    var title = form.getAttribute("data-title");
    code.value = '<iframe src="' + escapeHtml(src) + '" title="' + escapeHtml(title) +
      '" width="' + c.width + '" height="' + h + '" loading="lazy"></iframe>\n' +
      '<script src="' + escapeHtml(form.getAttribute("data-host-script")) + '" async></' + 'script>';
    var link = form.getAttribute("data-oembed-base") + encodeURIComponent(src) + "&format=json";
    if (c.width !== parseInt(form.getAttribute("data-default-width"), 10)) link += "&maxwidth=" + c.width;
    oembed.value = link;
    if (preview.getAttribute("src") !== src) {
      preview.setAttribute("src", src);
      preview.height = String(h); // until the widget reports its own height
    }
    preview.width = String(c.width);
  }

  form.addEventListener("change", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  var button = form.querySelector("[data-embed-update]");
  if (button) button.hidden = true; // the preview follows every choice
})();
