import type { Confidence, EventType } from "../domain/taxonomy";
import type { IndexEvent } from "./types";

/** Test-only event factory: confirmed unless stated. */
export function ev(
  id: string,
  date: string,
  type: EventType,
  severity: number,
  confidence: Confidence = "confirmed",
): IndexEvent {
  return { id, date, title: `Event ${id}`, type, severity, confidence };
}

/** Deterministic pseudo-random numbers (mulberry32) for larger fixtures. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
