/** The part of markdown-it (which ships no types) that the peer benchmark and the hover tests call. */
declare module 'markdown-it' {
  import type { Token } from 'vscode-markdown-languageservice';

  class MarkdownIt {
    constructor(options?: { html?: boolean; linkify?: boolean });
    parse(source: string, environment: object): Token[];
    render(source: string): string;
  }
  export default MarkdownIt;
}
