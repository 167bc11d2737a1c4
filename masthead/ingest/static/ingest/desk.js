// The wire desk's pulse: asks every 30 seconds (while the tab is visible) how many items arrived since the
// page was drawn, and says so in a live region and the tab's title. The admin marks every answer no-store,
// so the script keeps the ETag itself: an unchanged desk costs a 304 and no body. Without script the desk is
// the same page, reloaded by hand.
(function () {
  "use strict";
  var notice = document.querySelector("[data-wire-pulse]");
  if (!notice || !window.fetch) return;
  var count = notice.querySelector("[data-wire-pulse-count]");
  var title = document.title;
  var etag = "";
  var INTERVAL = 30000;

  function show(state) {
    if (!state.new) return;
    var many = state.new >= state.cap ? state.cap - 1 + "+" : String(state.new);
    count.textContent = many + " new item" + (state.new === 1 ? "" : "s");
    notice.hidden = false;
    document.title = "(" + many + ") " + title;
  }

  function poll() {
    if (document.hidden) return;
    var headers = { Accept: "application/json" };
    if (etag) headers["If-None-Match"] = etag;
    fetch(notice.getAttribute("data-wire-pulse"), { credentials: "same-origin", cache: "no-store", headers: headers })
      .then(function (response) {
        if (response.status !== 200) return null;
        etag = response.headers.get("ETag") || "";
        return response.json();
      })
      .then(function (state) { if (state) show(state); })
      .catch(function () {});
  }

  window.setInterval(poll, INTERVAL);
  document.addEventListener("visibilitychange", poll);
})();
