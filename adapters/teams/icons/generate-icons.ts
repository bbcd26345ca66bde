import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../knowledge/paths.js';
import { drawColorIcon, drawOutlineIcon } from './draw-icons.js';

/**
 * Regenerates the committed Teams icons (no network, no image tools):
 * `npm run build && node dist/adapters/teams/icons/generate-icons.js`.
 */
const dir = join(projectRoot(), 'adapters', 'teams', 'icons');
writeFileSync(join(dir, 'color.png'), drawColorIcon());
writeFileSync(join(dir, 'outline.png'), drawOutlineIcon());
process.stdout.write(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}\n`);
