#!/usr/bin/env node
// Counts regular expressions in the non-test TypeScript of the given folders (default: handlers knowledge):
// regex literals and `new RegExp(…)` / `RegExp(…)` calls, found by the TypeScript parser (not by a regex).
// Usage: node scripts/count-regexes.mjs [--by-file] [folder …]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const byFile = args.includes('--by-file');
const roots = args.filter((a) => !a.startsWith('--'));
const folders = roots.length > 0 ? roots : ['handlers', 'knowledge'];

function* tsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'generated') yield* tsFiles(path);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) yield path;
  }
}

function count(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  let n = 0;
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) n++;
    else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') n++;
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
console.log(`${total} regular expressions in ${folders.join(', ')} (non-test .ts)`);
