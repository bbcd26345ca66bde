#!/usr/bin/env node
// Counts inline Dutch/English choices in the non-test TypeScript of the given folders (default:
// handlers adapters): conditional expressions (`c ? a : b`) whose condition is a language test —
// a comparison with 'nl' or 'en' (`language === 'nl'`) or a boolean named `nl` / `en` — found by the
// TypeScript parser. User-facing text belongs in the message catalogs (handlers/messages/nl.ts, en.ts).
// Usage: node scripts/count-language-ternaries.mjs [--by-file] [folder …]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const byFile = args.includes('--by-file');
const roots = args.filter((a) => !a.startsWith('--'));
const folders = roots.length > 0 ? roots : ['handlers', 'adapters'];
const LANGUAGES = new Set(['nl', 'en']);

function* tsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'generated' && name !== 'messages') yield* tsFiles(path);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) yield path;
  }
}

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

function count(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  let n = 0;
  const visit = (node) => {
    if (ts.isConditionalExpression(node) && isLanguageTest(node.condition)) n++;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return n;
}

let total = 0;
const rows = [];
for (const folder of folders) {
  for (const file of tsFiles(folder)) {
    const n = count(file);
    total += n;
    if (n > 0) rows.push([relative(process.cwd(), file), n]);
  }
}
if (byFile) for (const [file, n] of rows.sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  ${file}`);
console.log(`${total} inline language ternaries in ${folders.join(', ')} across ${rows.length} files (non-test .ts, catalogs excluded)`);
