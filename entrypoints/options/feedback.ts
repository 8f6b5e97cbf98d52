/** The page's two live regions: quiet confirmations, and problems the person must see. */
export interface Feedback {
  saved(text: string): void;
  problem(text: string | string[]): void;
  clear(): void;
}

export function createFeedback(doc: Document): Feedback {
  const saved = doc.getElementById('saved') as HTMLElement;
  const problem = doc.getElementById('problem') as HTMLElement;
  let timer = 0;
  return {
    saved(text) {
      problem.replaceChildren();
      saved.textContent = text;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        saved.textContent = '';
      }, 4000);
    },
    problem(text) {
      saved.textContent = '';
      const lines = Array.isArray(text) ? text : [text];
      if (lines.length === 1) {
        problem.textContent = lines[0] ?? '';
        return;
      }
      const list = doc.createElement('ul');
      for (const line of lines) {
        const item = doc.createElement('li');
        item.textContent = line;
        list.append(item);
      }
      problem.replaceChildren(list);
    },
    clear() {
      saved.textContent = '';
      problem.replaceChildren();
    },
  };
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
