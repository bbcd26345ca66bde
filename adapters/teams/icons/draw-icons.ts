import { encodePng } from './png.js';

type Rgba = readonly [number, number, number, number];
/** A shape: coverage test for a point in icon units (0..1 across the icon). */
type Shape = (x: number, y: number) => boolean;

const BLUE: Rgba = [31, 90, 150, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GREEN: Rgba = [46, 160, 67, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function segment(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function ring(outer: Shape, inner: Shape): Shape {
  return (x, y) => outer(x, y) && !inner(x, y);
}

/** Paints layers (later on top) with 4×4 supersampling into an RGBA buffer. */
function paint(size: number, background: Rgba, layers: readonly (readonly [Shape, Rgba])[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour = background;
          for (const [shape, c] of layers) if (shape(x, y)) colour = c;
          const alpha = colour[3] / 255;
          acc[0]! += colour[0] * alpha;
          acc[1]! += colour[1] * alpha;
          acc[2]! += colour[2] * alpha;
          acc[3]! += alpha;
        }
      }
      const n = samples * samples;
      const a = acc[3]! / n;
      const i = (py * size + px) * 4;
      out[i] = a > 0 ? Math.round(acc[0]! / n / a) : 0;
      out[i + 1] = a > 0 ? Math.round(acc[1]! / n / a) : 0;
      out[i + 2] = a > 0 ? Math.round(acc[2]! / n / a) : 0;
      out[i + 3] = Math.round(a * 255);
    }
  }
  return out;
}

/** The 192×192 full-colour Teams icon: a contract with text lines and a green tick on blue. */
export function drawColorIcon(): Buffer {
  const size = 192;
  const doc = roundedRect(0.3, 0.2, 0.7, 0.8, 0.04);
  const lines = [0.32, 0.42, 0.52].map((y) => [segment(0.38, y, 0.62, y, 0.035), BLUE] as const);
  const badge = circle(0.68, 0.72, 0.15);
  const tick = (x: number, y: number) => segment(0.6, 0.72, 0.66, 0.78, 0.045)(x, y) || segment(0.66, 0.78, 0.77, 0.65, 0.045)(x, y);
  return encodePng(size, size, paint(size, BLUE, [[doc, WHITE], ...lines, [circle(0.68, 0.72, 0.17), BLUE], [badge, GREEN], [tick, WHITE]]));
}

/** The 32×32 outline Teams icon: white strokes on transparent, as Teams requires. */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const doc = ring(roundedRect(0.22, 0.1, 0.78, 0.9, 0.06), roundedRect(0.31, 0.19, 0.69, 0.81, 0.03));
  const tick = (x: number, y: number) => segment(0.37, 0.52, 0.47, 0.64, 0.09)(x, y) || segment(0.47, 0.64, 0.64, 0.38, 0.09)(x, y);
  return encodePng(size, size, paint(size, TRANSPARENT, [[doc, WHITE], [tick, WHITE]]));
}
