/** A strict reader of RFC 5545 text for tests: CRLF lines of at most 75 octets, balanced BEGIN/END, folded lines unfolded. */
export interface IcsComponent {
  readonly name: string;
  readonly properties: { name: string; params: string; value: string }[];
  readonly children: IcsComponent[];
}

export function parseIcs(text: string): IcsComponent {
  if (!text.endsWith('\r\n')) throw new Error('iCalendar text must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`line longer than 75 octets: ${line}`);
    if (line.includes('\n') || line.includes('\r')) throw new Error('bare line break');
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: IcsComponent[] = [];
  let root: IcsComponent | undefined;
  for (const line of lines) {
    const m = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!m) throw new Error(`not a content line: ${line}`);
    const [, name = '', params = '', value = ''] = m;
    if (name === 'BEGIN') {
      const component: IcsComponent = { name: value, properties: [], children: [] };
      stack[stack.length - 1]?.children.push(component);
      stack.push(component);
      root ??= component;
    } else if (name === 'END') {
      const open = stack.pop();
      if (open?.name !== value) throw new Error(`END:${value} does not close ${open?.name}`);
    } else {
      const current = stack[stack.length - 1];
      if (!current) throw new Error(`property outside a component: ${line}`);
      current.properties.push({ name, params, value });
    }
  }
  if (stack.length > 0 || !root) throw new Error('unbalanced BEGIN/END');
  return root;
}

/** The text value of an escaped TEXT property. */
export function unescapeText(value: string): string {
  return value.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
}
