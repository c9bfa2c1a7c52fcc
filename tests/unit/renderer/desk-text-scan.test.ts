import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../../../src/renderer/src/i18n/locales/en.json';

const root = join(__dirname, '../../..');
const desk = join(root, 'src/renderer/src');

function sources(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : []));
}

/** Attributes a person reads (or a screen reader says): their text must come from the dictionary. */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label']);
/** Technical literals shown as they are (a CSV header, a key cap), the same in every language. */
const VERBATIM_ELEMENTS = new Set(['code', 'kbd']);
const hasLetters = (s: string) => /\p{L}/u.test(s);

/** Every piece of visible text written into the .tsx itself instead of coming from `t()`. */
function literalTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const inVerbatim = (node: ts.Node): boolean => {
    for (let p = node.parent; p; p = p.parent) {
      if (ts.isJsxElement(p) && VERBATIM_ELEMENTS.has(p.openingElement.tagName.getText())) return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetters(node.text) && !inVerbatim(node)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const value = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) ? init.expression : undefined;
      if (value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && hasLetters(value.text)) found.push(`${where(node)} ${node.name.getText()}="${value.text}"`);
      if (value && ts.isTemplateExpression(value) && hasLetters(value.head.text + value.templateSpans.map((s) => s.literal.text).join(''))) found.push(`${where(node)} ${node.name.getText()}={${value.getText()}}`);
    }
    // A literal string as a JSX child: {'Sold out'} or {cond ? 'Pin' : 'On air'}.
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      const strings: ts.Node[] = [];
      const collect = (n: ts.Node) => {
        if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && hasLetters(n.text) && !ts.isCallExpression(n.parent)) strings.push(n);
        // What is shown, not what is compared: the branches of `?:`, the right of `&&`/`||`/`??`.
        else if (ts.isConditionalExpression(n)) [n.whenTrue, n.whenFalse].forEach(collect);
        else if (ts.isParenthesizedExpression(n)) collect(n.expression);
        else if (ts.isBinaryExpression(n) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(n.operatorToken.kind)) collect(n.right);
      };
      collect(node.expression);
      for (const s of strings) found.push(`${where(s)} child ${s.getText()}`);
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

/** `t('rundown.title')`, `t("x")`: the keys the desk asks for by name. */
function usedKeys(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^'$]+)'/g)].map((m) => m[1]);
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('the desk speaks only from its dictionaries', () => {
  it('writes no visible word into the components: every text, title, label and placeholder comes from t()', () => {
    const literals = sources(desk, /\.tsx$/).flatMap(literalTexts);
    expect(literals).toEqual([]);
  });

  it('asks only for keys the English dictionary has', () => {
    const keys = new Set(Object.keys(en).map((k) => k.replace(PLURAL, '')));
    const missing = sources(desk, /\.tsx?$/).flatMap((file) => usedKeys(file).filter((k) => !keys.has(k)).map((k) => `${relative(root, file)}: ${k}`));
    expect(missing).toEqual([]);
  });

  it('finds a literal when there is one: the scan itself is not blind', () => {
    const probe = join(root, 'tests/unit/renderer/fixtures/literal-text.tsx.fixture');
    expect(literalTexts(probe).map((l) => l.replace(/^.*?:\d+ /, ''))).toEqual(['text "Sold out"', 'title="Previous item"', 'aria-label={`Pin ${title}`}', "child 'On air'", "child 'Pin'"]);
  });
});
