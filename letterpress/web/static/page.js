/* letterpress serve: after every answer, a field whose message slot holds an error is marked
   aria-invalid (screen readers say it), a folded box (<details>, "More of the letter
   file") opens when a new message is shown inside it, which could not be seen folded, and
   what the page newly says is read out once (see announce). */
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
  // The messages (and the answers marked data-announce) are read out from two regions that
  // are never replaced (base.html): errors as alerts, the rest politely. A message shown
  // again, unchanged, when part of the page is re-rendered is not read out again; one that
  // comes back after it was gone is. The parts of the page that are re-rendered are no live
  // regions: they would read the same words again at every preview.
  var heard = {};
  var timer = null;
  function shown() {
    var now = {};
    document.querySelectorAll("main .msg, main [data-announce]").forEach(function (element) {
      var text = element.textContent.replace(/\s+/g, " ").trim();
      if (text) {
        now[text] = element.classList.contains("error") ? "alert" : "status";
      }
    });
    return now;
  }
  function announce() {
    timer = null;
    var now = shown();
    ["alert", "status"].forEach(function (kind) {
      var region = document.getElementById("announce-" + kind);
      var fresh = Object.keys(now).filter(function (text) {
        return now[text] === kind && !heard[text];
      });
      if (!region) {
        return;
      }
      if (fresh.length) {
        region.replaceChildren.apply(region, fresh.map(function (text) {
          var line = document.createElement("p");
          line.textContent = text;
          return line;
        }));
      } else {  // what is no longer shown is not left to be found there
        Array.prototype.forEach.call(region.querySelectorAll("p"), function (line) {
          if (!now[line.textContent]) {
            line.remove();
          }
        });
      }
    });
    heard = now;
  }
  function later() {  // once for the several swaps of one answer (its boxes' messages)
    if (timer === null) {
      timer = setTimeout(announce, 150);
    }
  }
  document.addEventListener("DOMContentLoaded", sync);
  document.addEventListener("DOMContentLoaded", later);
  document.addEventListener("htmx:afterSettle", sync);
  document.addEventListener("htmx:oobAfterSwap", sync);
  document.addEventListener("htmx:afterSettle", later);
  document.addEventListener("htmx:oobAfterSwap", later);
})();
