declare module 'ahocorasick' {
  /** Search results: [index of the last character, keywords ending there]. */
  export default class AhoCorasick {
    constructor(keywords: string[]);
    search(text: string): Array<[number, string[]]>;
  }
}
