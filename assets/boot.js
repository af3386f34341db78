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
