// railkit: small progressive enhancements. Every page works without this script.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source || !navigator.clipboard) { return; }
      navigator.clipboard.writeText(source.innerText.trim()).then(function () {
        var label = button.textContent;
        button.textContent = "Copied";
        button.setAttribute("aria-live", "polite");
        setTimeout(function () { button.textContent = label; }, 1500);
      });
    });
  });
});
// After a form posts, move focus to the results so keyboard and screen-reader users land there.
document.addEventListener("DOMContentLoaded", function () {
  var target = document.querySelector("[data-focus]");
  if (target && !document.querySelector("[role=alert]")) { target.focus(); }
  var alert = document.querySelector("#form-error");
  if (alert) { alert.setAttribute("tabindex", "-1"); alert.focus(); }
});
// Print buttons (hidden without JavaScript; the browser's print command works anyway).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
