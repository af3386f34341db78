// Starts Rapporteur: loads the module wasm-bindgen generated and runs it.
// It lives in its own file so that the page's Content-Security-Policy can
// forbid inline scripts altogether (Trunk's own loader is inline).
import init from './rapporteur.js';

init({ module_or_path: new URL('./rapporteur_bg.wasm', import.meta.url) }).catch((error) => {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'boot-failure';
  message.textContent = `Rapporteur could not start in this browser: ${error}`;
  document.body.append(message);
});

// Offline after the first visit: the service worker (sw.js, written into
// each build by scripts/sw-manifest.sh) keeps one whole build in its cache.
// It is registered once the page has loaded, so the first visit's own
// downloads come first. A new version installs in the background and waits
// while this page is open, since this page's workers must still get this
// version's files; the banner offers to switch now (the app saves on
// `pagehide`, so the reload loses nothing).
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).then(watchForUpdates, () => {
      // No worker (offline at the first check, or storage refused): the app
      // works the same, it only will not open without a network.
    });
  });
}

function watchForUpdates(registration) {
  if (!registration) return; // Registration blocked (a test harness does this).
  const offer = (worker) => {
    // Only an update: a first install has no page to replace.
    if (navigator.serviceWorker.controller) showUpdate(worker);
  };
  const follow = (worker) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  if (registration.waiting) offer(registration.waiting);
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
}

function showUpdate(worker) {
  if (document.querySelector('.update-banner')) return;
  const banner = document.createElement('div');
  banner.className = 'update-banner';
  banner.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version of Rapporteur is ready.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload to update';
  button.addEventListener('click', () => {
    button.disabled = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    worker.postMessage({ type: 'skip-waiting' });
  });
  banner.append(text, button);
  document.body.append(banner);
}
