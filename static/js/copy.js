/* Copy buttons: progressive enhancement, no inline script needed.
 *
 * Stable markup API (the share link and the embed code both use it):
 *
 *   <input id="share-url" value="…" readonly>            (or <textarea>, <pre>, <code> …)
 *   <button type="button" data-copy-target="share-url"     the id of the element to copy
 *           data-copy-status="share-status"                optional: id of a role="status"
 *           hidden>Copy link</button>                       element that announces the result
 *   <p id="share-status" role="status"></p>
 *
 * - Render the button with `hidden`: without JavaScript there is no dead control,
 *   only the selectable field. This script reveals every button whose target exists.
 * - A click copies the target's value (form fields) or its text (anything else) with
 *   the Clipboard API, and announces "Copied" in the status element (or in a
 *   visually hidden live region this script adds when there is none).
 * - Where the Clipboard API is missing or refused (plain http, old browsers), the
 *   text is selected and copied the old way; failing that it stays selected and the
 *   learner is told to press Ctrl+C.
 * - Read-only fields named by a button select their whole text on focus.
 */
(function () {
  "use strict";

  var fallbackStatus = null;

  function statusFor(button) {
    var id = button.getAttribute("data-copy-status");
    var el = id && document.getElementById(id);
    if (el) return el;
    if (!fallbackStatus) {
      fallbackStatus = document.createElement("p");
      fallbackStatus.className = "visually-hidden";
      fallbackStatus.setAttribute("role", "status");
      document.body.appendChild(fallbackStatus);
    }
    return fallbackStatus;
  }

  function announce(button, message) {
    var el = statusFor(button);
    // Clear first so the same message twice in a row is announced again.
    el.textContent = "";
    window.setTimeout(function () { el.textContent = message; }, 50);
  }

  function isField(el) {
    return el.tagName === "INPUT" || el.tagName === "TEXTAREA";
  }

  function textOf(el) {
    return isField(el) ? el.value : el.textContent;
  }

  function select(el) {
    if (isField(el)) {
      el.focus();
      el.select();
      return;
    }
    var range = document.createRange();
    range.selectNodeContents(el);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyBySelecting(button, target) {
    select(target);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (e) {
      copied = false;
    }
    announce(button, copied ? "Copied" : "Selected: press Ctrl+C (⌘C on a Mac) to copy");
  }

  function copy(button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) return;
    var text = textOf(target);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { announce(button, "Copied"); },
        function () { copyBySelecting(button, target); }
      );
    } else {
      copyBySelecting(button, target);
    }
  }

  function init() {
    var buttons = document.querySelectorAll("[data-copy-target]");
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (!target) continue;
      button.addEventListener("click", function (event) { copy(event.currentTarget); });
      if (isField(target) && target.readOnly) {
        target.addEventListener("focus", function (event) { event.currentTarget.select(); });
      }
      button.hidden = false;
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
