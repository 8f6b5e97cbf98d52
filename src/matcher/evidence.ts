import { COMPANY_VOICE, CORPORATE_SUFFIX, TICKER_PATTERN } from './context-rules';
import type { CompiledGuard, MatcherData } from './data';
import { looksGerman } from './shapes';
import { foldString } from './text-class';

/** Article-wide facts computed once per article and only when a guarded name needs them. */
export class ArticleEvidence {
  private folded: string | undefined;
  private tickerEntities: Set<number> | undefined;
  private isGerman: boolean | undefined;
  /** Article-wide context answers per guard: asked once per guard, not once per mention. */
  private readonly contextAnswers = new Map<CompiledGuard, boolean>();

  constructor(
    readonly text: string,
    private readonly data: MatcherData,
  ) {}

  /**
   * A capitalized word inside a sentence, not at its start and not in an all-capitals line: for
   * names whose common-word reading is written small ("Meta" vs "meta", "Intel" vs "intel").
   */
  capitalizedMidSentence(start: number, end: number): boolean {
    const word = this.text.slice(start, end);
    if (word === word.toUpperCase()) return false;
    const before = this.text.slice(Math.max(0, start - 3), start);
    return /[\p{L}\p{N},)][ \u00a0]+$/u.test(before);
  }

  german(): boolean {
    if (this.isGerman === undefined) this.isGerman = looksGerman(this.text);
    return this.isGerman;
  }

  /** The whole article folded, padded with spaces so whole-word tests are plain substring tests. */
  foldedText(): string {
    if (this.folded === undefined) this.folded = ` ${foldString(this.text).replace(/[^\p{L}\p{N}'.-]+/gu, ' ')} `;
    return this.folded;
  }

  /** Companies whose ticker appears with an exchange or a Reuters suffix ("FB.O", "NASDAQ: AAPL"). */
  tickersInArticle(): Set<number> {
    if (this.tickerEntities) return this.tickerEntities;
    const found = new Set<number>();
    for (const m of this.text.matchAll(TICKER_PATTERN)) {
      const symbol = m[1] ?? m[2];
      const qualified = m[2] !== undefined || m[0].includes(':') || (symbol?.includes('.') ?? false);
      if (!symbol || !qualified) continue;
      for (const e of this.data.tickers[symbol] ?? []) found.add(e);
    }
    this.tickerEntities = found;
    return found;
  }

  /** A ticker directly after the name, even a bare "(AAPL)". */
  tickerRightAfter(end: number, entity: number): boolean {
    const m = /^\s*\(\s*(?:[A-Za-z]+\s*:\s*)?([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\s*\)/.exec(
      this.text.slice(end, end + 24),
    );
    return m?.[1] !== undefined && (this.data.tickers[m[1]] ?? []).includes(entity);
  }

  /** The company speaks or is spoken for right after its name (see COMPANY_VOICE). */
  companyVoiceAfter(end: number): boolean {
    return COMPANY_VOICE.test(this.text.slice(end, end + 40));
  }

  suffixRightAfter(end: number): boolean {
    return CORPORATE_SUFFIX.test(this.text.slice(end, end + 24));
  }

  /** Whether any context word of the guard stands in the article (or near the mention). */
  contextPresent(guard: CompiledGuard, start: number, end: number): boolean {
    if (guard.context.length === 0) return false;
    if (guard.near) {
      const near = ` ${foldString(this.text.slice(Math.max(0, start - 300), end + 300)).replace(/[^\p{L}\p{N}'.-]+/gu, ' ')} `;
      return guard.context.some((word) => containsWord(near, word, true));
    }
    let answer = this.contextAnswers.get(guard);
    if (answer === undefined) {
      const haystack = this.foldedText();
      answer = guard.context.some((word) => containsWord(haystack, word, true));
      this.contextAnswers.set(guard, answer);
    }
    return answer;
  }

  phraseRightAfter(end: number, phrases: string[]): boolean {
    if (phrases.length === 0) return false;
    const next = foldString(this.text.slice(end, end + 60));
    return phrases.some((p) => next.startsWith(p));
  }

  /** A veto word as the word right before or right after the mention. */
  vetoed(guard: CompiledGuard, start: number, end: number): boolean {
    if (guard.veto.length === 0 && guard.vetoBefore.length === 0) return false;
    const after = foldString(this.text.slice(end, end + 40)).replace(/^[^\p{L}\p{N}]+/u, '');
    const before = foldString(this.text.slice(Math.max(0, start - 40), start)).replace(/[^\p{L}\p{N}']+$/u, '');
    return (
      guard.veto.some((word) => startsWithWord(after, word) || endsWithWord(before, word)) ||
      guard.vetoBefore.some((word) => endsWithWord(before, word))
    );
  }
}

/** A letter or digit (undefined past either end of the text is none). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Whether `word` stands in `haystack` as a whole word; with `plural`, also with an "s" added ("App-Stores"). */
export function containsWord(haystack: string, word: string, plural = false): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(word, from);
    if (at < 0) return false;
    const after = at + word.length;
    if (!isWordChar(haystack[at - 1])) {
      if (!isWordChar(haystack[after])) return true;
      if (plural && haystack[after] === 's' && !isWordChar(haystack[after + 1])) return true;
    }
    from = at + 1;
  }
}

function startsWithWord(text: string, word: string): boolean {
  return text.startsWith(word) && !isWordChar(text[word.length]);
}

function endsWithWord(text: string, word: string): boolean {
  return text.endsWith(word) && !isWordChar(text[text.length - word.length - 1]);
}
