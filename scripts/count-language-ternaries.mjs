#!/usr/bin/env node
// Counts inline Dutch/English choices in the non-test TypeScript of the given folders (default:
// handlers adapters): conditional expressions (`c ? a : b`) whose condition is a language test —
// a comparison with 'nl' or 'en' (`language === 'nl'`) or a boolean named `nl` / `en` — found by the
// TypeScript parser. User-facing text belongs in the message catalogs (handlers/messages/nl.ts, en.ts).
// Usage: node scripts/count-language-ternaries.mjs [--by-file] [folder …]
import ts from 'typescript';
import { countNodes } from './count-nodes.mjs';

const LANGUAGES = new Set(['nl', 'en']);

function isLanguageTest(node) {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isIdentifier(node)) return LANGUAGES.has(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return isLanguageTest(node.operand);
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken) {
      return [node.left, node.right].some((side) => ts.isStringLiteral(side) && LANGUAGES.has(side.text));
    }
  }
  return false;
}

countNodes({
  defaultFolders: ['handlers', 'adapters'],
  skipFolders: ['messages'],
  accept: (node) => ts.isConditionalExpression(node) && isLanguageTest(node.condition),
  summary: (total, folders, files) => `${total} inline language ternaries in ${folders.join(', ')} across ${files} files (non-test .ts, catalogs excluded)`,
});
