import type { Confidence, EventType } from "../domain/taxonomy";
import type { IndexEvent } from "./types";

/** Test-only event factory: confirmed unless stated. */
export function ev(id: string, date: string, type: EventType, severity: number, confidence: Confidence = "confirmed"): IndexEvent {
  return { id, date, title: `Event ${id}`, type, severity, confidence };
}

/** Deterministic pseudo-random numbers (mulberry32) for larger fixtures. */
export { mulberry32 as rng } from "@/lib/random/mulberry32";
