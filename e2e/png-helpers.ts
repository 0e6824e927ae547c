import fs from "node:fs";
import { PNG } from "pngjs";

export interface PngStats {
  width: number;
  height: number;
  /** Standard deviation of luminance, 0–255: near 0 for a blank image. */
  lumaStdDev: number;
  /** Share of pixels that are not (near-)white. */
  inked: number;
}

export function readPng(file: string): PNG {
  return PNG.sync.read(fs.readFileSync(file));
}

export function pngStats(png: PNG, region?: { x: number; y: number; width: number; height: number }): PngStats {
  const r = region ?? { x: 0, y: 0, width: png.width, height: png.height };
  let sum = 0;
  let sumSq = 0;
  let inked = 0;
  let n = 0;
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      const i = (y * png.width + x) * 4;
      const luma = 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
      sum += luma;
      sumSq += luma * luma;
      if (luma < 235) inked++;
      n++;
    }
  }
  const mean = sum / n;
  return { width: png.width, height: png.height, lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), inked: inked / n };
}

/** Share of pixels whose colour differs by more than a little between two same-size images. */
export function pixelDifference(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differ = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
    if (d > 24) differ++;
  }
  return differ / (a.width * a.height);
}
