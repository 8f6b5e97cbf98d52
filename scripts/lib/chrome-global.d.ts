// Functions passed to worker.evaluate() run inside the extension's service worker, where
// `chrome` is the extension API; this gives them its types.
declare const chrome: typeof import('wxt/browser').browser;
