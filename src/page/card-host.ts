import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { isDarkAt } from './color-scheme';

/** The element our in-page UI hangs from; its shadow root keeps page CSS out and ours in. */
export const UI_TAG = 'dramatis-ui';
const OPEN_DELAY_MS = 300;
const CLOSE_DELAY_MS = 250;
/** Moving from one name straight to another needs no second intent delay. */
const SWITCH_DELAY_MS = 80;

/**
 * The host's inline style: `all: initial` keeps page CSS off it, and the popover defaults
 * (centred, bordered, painted) are undone so the host stays an invisible 0×0 anchor.
 */
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'inset: 0 auto auto 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'background: transparent',
  'z-index: 2147483647',
].join('; ');

export interface OpenOptions {
  /** Move keyboard focus into the card (it was opened from the keyboard); Esc gives it back. */
  focus?: boolean;
}

export interface CardHost {
  /** Open `build()`'s card next to `anchor` after the hover-intent delay. */
  hoverStart(anchor: Range, build: (doc: Document) => HTMLElement): void;
  /** The pointer left the mention: close soon, unless it moves into the card. */
  hoverEnd(): void;
  openNow(anchor: Range, build: (doc: Document) => HTMLElement, options?: OpenOptions): void;
  close(): void;
  isOpen(): boolean;
  /** Called each time the card closes, however it was closed. */
  onClose(listener: () => void): () => void;
  isOwnUi(el: Element): boolean;
  destroy(): void;
}

/**
 * The hover card's host: created on first use, positioned with floating-ui, and dismissable
 * per WCAG 1.4.13 (Esc closes it, the pointer can move into it, it stays while hovered). Where
 * the Popover API exists the host is shown in the top layer, above any overlay of the page
 * whatever its z-index; elsewhere the highest z-index has to do.
 */
export function createCardHost(win: Window, css: string): CardHost {
  const doc = win.document;
  let host: HTMLElement | undefined;
  let panel: HTMLElement | undefined;
  let openTimer = 0;
  let closeTimer = 0;
  let stopPositioning: (() => void) | undefined;
  let open = false;
  let returnFocus: Element | null = null;
  const closeListeners = new Set<() => void>();

  const ensure = (): HTMLElement => {
    if (host?.isConnected && panel) return panel;
    host = doc.createElement(UI_TAG);
    host.setAttribute('style', HOST_STYLE);
    if (supportsPopover(host)) host.setAttribute('popover', 'manual');
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = css;
    panel = doc.createElement('div');
    panel.className = 'panel';
    panel.hidden = true;
    panel.tabIndex = -1;
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

  function raise() {
    // Shown again on every open, so it goes above overlays the page opened since the last one.
    if (!host || !supportsPopover(host)) return;
    try {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // A page in the middle of a modal dialog can refuse; z-index still applies.
    }
  }

  function openNow(anchor: Range, build: (d: Document) => HTMLElement, options: OpenOptions = {}) {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    const target = ensure();
    target.replaceChildren(build(doc));
    target.classList.toggle('dark', isDarkAt(win, anchor.startContainer.parentElement));
    target.hidden = false;
    raise();
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
    if (options.focus) {
      if (doc.activeElement !== host) returnFocus = doc.activeElement;
      target.focus({ preventScroll: true });
    }
  }

  function close() {
    win.clearTimeout(openTimer);
    win.clearTimeout(closeTimer);
    stopPositioning?.();
    stopPositioning = undefined;
    const hadFocus = host !== undefined && doc.activeElement === host;
    if (panel) {
      panel.hidden = true;
      panel.replaceChildren();
    }
    if (host && supportsPopover(host) && host.matches(':popover-open')) host.hidePopover();
    const wasOpen = open;
    open = false;
    const back = returnFocus as HTMLElement | null;
    if (hadFocus && back?.isConnected && typeof back.focus === 'function') back.focus({ preventScroll: true });
    returnFocus = null;
    if (wasOpen) for (const listener of closeListeners) listener();
  }

  return {
    hoverStart(anchor, build) {
      win.clearTimeout(openTimer);
      win.clearTimeout(closeTimer);
      openTimer = win.setTimeout(() => openNow(anchor, build), open ? SWITCH_DELAY_MS : OPEN_DELAY_MS);
    },
    hoverEnd() {
      win.clearTimeout(openTimer);
      if (open) scheduleClose();
    },
    openNow,
    close,
    isOpen: () => open,
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    isOwnUi: (el) => host !== undefined && (el === host || host.contains(el)),
    destroy() {
      close();
      closeListeners.clear();
      doc.removeEventListener('keydown', onKey, true);
      host?.remove();
      host = undefined;
      panel = undefined;
    },
  };
}

function supportsPopover(el: HTMLElement): el is HTMLElement & { showPopover(): void; hidePopover(): void } {
  return typeof (el as { showPopover?: unknown }).showPopover === 'function';
}
