// Live coverage: polls the story's cached live.json every 10 s (revalidating with its ETag, so an
// unchanged poll is a 304 from nginx) and puts new entries in place without a reload or a jump.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-url]");
  if (!root || root.getAttribute("data-live-state") !== "live") return;
  var url = root.getAttribute("data-live-url");
  var list = root.querySelector("[data-live-entries]");
  var status = root.querySelector("[data-live-status]");
  var timer = null;
  // The words this script shows come from the page, in the edition's language (live/story.html).
  function text(name, fallback) { return root.getAttribute("data-text-" + name) || fallback; }
  var INTERVAL = 10000;

  function nodeOf(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    return holder.firstElementChild;
  }

  // Keep what the reader is looking at where it is: measure an element below the change before and after.
  function keepingPlace(change) {
    var anchor = null;
    var entries = list.children;
    for (var i = 0; i < entries.length; i++) {
      if (entries[i].getBoundingClientRect().bottom > 0) { anchor = entries[i]; break; }
    }
    var before = anchor ? anchor.getBoundingClientRect().top : 0;
    change();
    if (anchor && before < window.innerHeight && list.getBoundingClientRect().top < 0) {
      window.scrollBy(0, anchor.getBoundingClientRect().top - before);
    }
  }

  function apply(data) {
    var added = 0;
    keepingPlace(function () {
      var first = list.querySelector("[data-entry]");
      for (var i = data.entries.length - 1; i >= 0; i--) {
        var entry = data.entries[i];
        var existing = document.getElementById("entry-" + entry.id);
        var node = nodeOf(entry.html);
        if (existing) {
          if (existing.getAttribute("data-version") !== node.getAttribute("data-version")) existing.replaceWith(node);
          continue;
        }
        if (entry.pinned) continue; // shown in the pinned slot after a reload
        list.insertBefore(node, first ? list.firstChild : null);
        first = node;
        added++;
      }
      var empty = list.querySelector(".live__empty");
      if (empty && added) empty.remove();
    });
    var keys = root.querySelector("[data-live-key-events]");
    if (keys) {
      keys.innerHTML = "";
      data.key_events.forEach(function (event) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#entry-" + event.id;
        link.textContent = event.title || text("key-event", "Key event");
        item.appendChild(link);
        keys.appendChild(item);
      });
    }
    if (added && status) status.textContent = added === 1 ? text("one-new", "1 new update") : text("many-new", "{count} new updates").replace("{count}", added);
    if (data.state !== "live") {
      root.setAttribute("data-live-state", data.state);
      var badge = root.querySelector(".live-badge");
      if (badge) { badge.textContent = text("ended", "Ended"); badge.className = "live-badge live-badge--ended"; }
      if (status) status.textContent = text("has-ended", "Live coverage has ended");
      stop();
    }
  }

  function poll() {
    fetch(url, { cache: "no-cache", credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) apply(data); })
      .catch(function () {})
      .then(schedule);
  }

  function schedule() {
    if (timer !== false && !document.hidden && root.getAttribute("data-live-state") === "live") {
      timer = setTimeout(poll, INTERVAL);
    }
  }

  function stop() { clearTimeout(timer); timer = false; }

  document.addEventListener("visibilitychange", function () {
    if (timer === false) return;
    clearTimeout(timer);
    timer = null;
    if (!document.hidden) poll();
  });
  schedule();
})();
