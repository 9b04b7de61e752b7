/* letterpress serve: after every answer, a field whose message slot holds an error is marked
   aria-invalid (screen readers say it), and a folded box (<details>, "More of the letter
   file") opens when a new message is shown inside it, which could not be seen folded. */
(function () {
  "use strict";
  function sync() {
    document.querySelectorAll(".msgs[id^='msg-']").forEach(function (slot) {
      var error = slot.querySelector(".msg.error") !== null;
      document.querySelectorAll("[aria-describedby~='" + slot.id + "']").forEach(function (field) {
        if (error) {
          field.setAttribute("aria-invalid", "true");
        } else {
          field.removeAttribute("aria-invalid");
        }
      });
    });
    document.querySelectorAll("details").forEach(function (box) {
      var said = Array.prototype.map.call(box.querySelectorAll(".msgs"), function (slot) {
        return slot.textContent.trim();
      }).join("\n").trim();
      // opened once for each new message (the slots are replaced, the box is not): a box
      // the user folds again stays folded while its messages stay the same
      if (said && box.dataset.said !== said) {
        box.open = true;
      }
      box.dataset.said = said;
    });
  }
  document.addEventListener("DOMContentLoaded", sync);
  document.addEventListener("htmx:afterSettle", sync);
  document.addEventListener("htmx:oobAfterSwap", sync);
})();
