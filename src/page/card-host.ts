import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/** The element our in-page UI hangs from; its shadow root keeps page CSS out and ours in. */
export const UI_TAG = 'dramatis-ui';
const OPEN_DELAY_MS = 300;
const CLOSE_DELAY_MS = 250;

export interface CardHost {
  /** Open `build()`'s card next to `anchor` after the hover-intent delay. */
  hoverStart(anchor: Range, build: (doc: Document) => HTMLElement): void;
  /** The pointer left the mention: close soon, unless it moves into the card. */
  hoverEnd(): void;
  openNow(anchor: Range, build: (doc: Document) => HTMLElement): void;
  close(): void;
  isOwnUi(el: Element): boolean;
  destroy(): void;
}

/**
 * The hover card's host: created on first use, positioned with floating-ui, and dismissable
 * per WCAG 1.4.13 (Esc closes it, the pointer can move into it, it stays while hovered).
 */
export function createCardHost(win: Window, css: string): CardHost {
  const doc = win.document;
  let host: HTMLElement | undefined;
  let panel: HTMLElement | undefined;
  let openTimer = 0;
  let closeTimer = 0;
  let stopPositioning: (() => void) | undefined;
  let open = false;

  const ensure = (): HTMLElement => {
    if (panel) return panel;
    host = doc.createElement(UI_TAG);
    host.setAttribute(
      'style',
      'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; display: block;',
    );
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = css;
    panel = doc.createElement('div');
    panel.className = 'panel';
    panel.hidden = true;
    panel.addEventListener('pointerenter', () => win.clearTimeout(closeTimer));
    panel.addEventListener('pointerleave', () => scheduleClose());
    root.append(style, panel);
    doc.documentElement.append(host);
    return panel;
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      close();
      event.stopPropagation();
    }
  };
  doc.addEventListener('keydown', onKey, true);

  function scheduleClose() {
    win.clearTimeout(closeTimer);
    closeTimer = win.setTimeout(close, CLOSE_DELAY_MS);
  }

  function openNow(anchor: Range, build: (d: Document) => HTMLElement) {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    const target = ensure();
    target.replaceChildren(build(doc));
    target.classList.toggle('dark', pageIsDark(win));
    target.hidden = false;
    open = true;
    stopPositioning?.();
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
    };
    stopPositioning = autoUpdate(reference, target, () => {
      void computePosition(reference, target, {
        placement: 'bottom-start',
        strategy: 'fixed',
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        target.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }

  function close() {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    stopPositioning?.();
    stopPositioning = undefined;
    if (panel) {
      panel.hidden = true;
      panel.replaceChildren();
    }
    open = false;
  }

  return {
    hoverStart(anchor, build) {
      win.clearTimeout(openTimer);
      win.clearTimeout(closeTimer);
      openTimer = win.setTimeout(() => openNow(anchor, build), open ? 80 : OPEN_DELAY_MS);
    },
    hoverEnd() {
      win.clearTimeout(openTimer);
      if (open) scheduleClose();
    },
    openNow,
    close,
    isOwnUi: (el) => host !== undefined && (el === host || host.contains(el)),
    destroy() {
      close();
      doc.removeEventListener('keydown', onKey, true);
      host?.remove();
      host = undefined;
      panel = undefined;
    },
  };
}

/** Whether the page paints a dark background, so the card can match it. */
function pageIsDark(win: Window): boolean {
  const doc = win.document;
  for (const node of [doc.body, doc.documentElement]) {
    if (!node) continue;
    const color = win.getComputedStyle(node).backgroundColor;
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(color);
    if (!m || m[4] === '0') continue;
    const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110;
  }
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
