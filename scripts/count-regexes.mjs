#!/usr/bin/env node
// Counts regular expressions in the non-test TypeScript of the given folders (default: handlers knowledge):
// regex literals and `new RegExp(…)` / `RegExp(…)` calls, found by the TypeScript parser (not by a regex).
// Usage: node scripts/count-regexes.mjs [--by-file] [folder …]
import ts from 'typescript';
import { countNodes } from './count-nodes.mjs';

countNodes({
  defaultFolders: ['handlers', 'knowledge'],
  accept: (node) =>
    node.kind === ts.SyntaxKind.RegularExpressionLiteral ||
    ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp'),
  summary: (total, folders) => `${total} regular expressions in ${folders.join(', ')} (non-test .ts)`,
});
