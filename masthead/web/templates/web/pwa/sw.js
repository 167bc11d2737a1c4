// Masthead's service worker: the app shell, and the last stories read, for reading offline.
// CONFIG (above) is written by masthead/web/pwa.py: version, shell URLs, offline page,
// how many stories to keep and what a story URL looks like.
"use strict";

const SHELL_PREFIX = "masthead-shell-";
const SHELL_CACHE = SHELL_PREFIX + CONFIG.version;
const STORY_CACHE = "masthead-stories";
const PICTURE_CACHE = "masthead-pictures";
const STORY_PATH = new RegExp(CONFIG.storyPattern);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then((cache) => cache.addAll(CONFIG.shell))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith(SHELL_PREFIX) && key !== SHELL_CACHE).map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/admin/")) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (CONFIG.shell.includes(url.pathname)) {
    event.respondWith(shellFirst(request));
  } else if (request.destination === "image" && url.pathname.startsWith(CONFIG.pictures)) {
    event.respondWith(pictureFirst(event, url));
  }
});

// Pages: the network first, so readers see the news; a saved story or the offline page when it fails.
async function navigate(event, url) {
  const key = url.origin + url.pathname + url.search;
  try {
    const response = await fetch(event.request);
    if (STORY_PATH.test(url.pathname) && response.ok && !response.redirected) {
      event.waitUntil(remember(key, response.clone()));
    }
    return response;
  } catch (error) {
    const saved = await caches.match(key);
    if (saved) return saved;
    const offline = await caches.match(CONFIG.offline);
    return offline || Response.error();
  }
}

// The shell: from the cache (it is versioned with the worker), else the network.
async function shellFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  return cached || fetch(request);
}

// Pictures the reader has already downloaded (renditions never change at a URL): kept, a bounded
// number, so saved stories show them offline. Nothing is fetched that the page did not ask for.
async function pictureFirst(event, url) {
  const key = url.origin + url.pathname;
  const cached = await caches.match(key);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(keepNewest(PICTURE_CACHE, key, response.clone(), CONFIG.maxPictures));
  return response;
}

// Keep a story read, as the newest; forget the oldest beyond CONFIG.maxStories.
function remember(key, response) {
  return keepNewest(STORY_CACHE, key, response, CONFIG.maxStories);
}

async function keepNewest(name, key, response, limit) {
  const cache = await caches.open(name);
  await cache.delete(key);
  await cache.put(key, response);
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - limit; i++) {
    await cache.delete(keys[i]);
  }
}
