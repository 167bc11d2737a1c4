// Progressive enhancement for the full site: offline reading and the "Install the app" offer.
// Pages work without it; the lite version never loads it.
(function () {
  "use strict";

  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
        // No offline reading on this browser; nothing else changes.
      });
    });
  }

  var installPrompt = null;

  function offers() {
    return document.querySelectorAll("[data-install]");
  }

  function showOffers(visible) {
    offers().forEach(function (offer) {
      offer.hidden = !visible;
    });
  }

  // Browsers that can install the site say so with this event; only then is the offer shown.
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    installPrompt = event;
    showOffers(true);
  });

  window.addEventListener("appinstalled", function () {
    installPrompt = null;
    showOffers(false);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-install-button]") : null;
    if (!button || !installPrompt) return;
    var prompt = installPrompt;
    installPrompt = null;
    prompt.prompt();
    prompt.userChoice.then(function () {
      showOffers(false);
    });
  });
})();
