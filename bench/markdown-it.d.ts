/** The part of markdown-it (which ships no types) that the peer benchmark calls. */
declare module 'markdown-it' {
  import type { Token } from 'vscode-markdown-languageservice';

  class MarkdownIt {
    parse(source: string, environment: object): Token[];
  }
  export default MarkdownIt;
}
