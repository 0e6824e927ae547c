import fs from "node:fs";
import { once } from "node:events";
import { ACLED_SUB_EVENT_TYPES, type AcledEventType } from "@/lib/conflict/codebook";
import { mulberry32 } from "@/lib/random/mulberry32";

/**
 * A deterministic SYNTHETIC ACLED-format export for the benchmark: every
 * column of the current export, the codebook's event and sub-event types,
 * real Ukrainian and Russian admin-1 names, days from 2022-02-24 to
 * 2025-12-31. Nothing in it is a real event; every note says so.
 */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
];

/** Weighted towards the front line, as the real distribution is; the weights are made up. */
const UKRAINE: [string, number][] = [
  ["Donetsk", 30],
  ["Kharkiv", 14],
  ["Zaporizhzhia", 12],
  ["Kherson", 10],
  ["Luhansk", 6],
  ["Dnipropetrovsk", 5],
  ["Sumy", 6],
  ["Chernihiv", 2],
  ["Mykolaiv", 2],
  ["Odesa", 2],
  ["Kyiv", 1.5],
  ["Kyiv City", 1],
  ["Poltava", 0.6],
  ["Zhytomyr", 0.4],
  ["Lviv", 0.3],
  ["Khmelnytskyi", 0.3],
  ["Vinnytsia", 0.3],
  ["Cherkasy", 0.2],
  ["Kirovohrad", 0.2],
  ["Rivne", 0.1],
  ["Volyn", 0.1],
  ["Ternopil", 0.1],
  ["Ivano-Frankivsk", 0.1],
  ["Zakarpattia", 0.05],
  ["Chernivtsi", 0.05],
  ["Autonomous Republic of Crimea", 1.5],
  ["Sevastopol", 0.3],
];
const RUSSIA: [string, number][] = [
  ["Belgorod", 8],
  ["Kursk", 8],
  ["Bryansk", 4],
  ["Voronezh", 0.6],
  ["Rostov", 0.6],
  ["Krasnodar", 0.6],
  ["Moscow", 0.3],
  ["Moscow Oblast", 0.3],
  ["Oryol", 0.2],
  ["Lipetsk", 0.2],
  ["Tambov", 0.1],
  ["Tula", 0.1],
  ["Kaluga", 0.1],
  ["Saratov", 0.1],
  ["Tatarstan", 0.05],
  ["Leningrad", 0.05],
];
const TYPES: [AcledEventType, number][] = [
  ["Explosions/Remote violence", 62],
  ["Battles", 24],
  ["Violence against civilians", 4],
  ["Strategic developments", 7],
  ["Protests", 2.5],
  ["Riots", 0.5],
];
const UA = "Military Forces of Ukraine (2019-)";
const RU = "Military Forces of Russia (2000-)";
const START = Date.UTC(2022, 1, 24);
const DAYS = Math.round((Date.UTC(2025, 11, 31) - START) / 86_400_000) + 1;

function weighted<T>(items: [T, number][], rnd: () => number): () => T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of items) cum.push((acc += w / total));
  return () => {
    const r = rnd();
    let lo = 0;
    while (cum[lo] < r && lo < cum.length - 1) lo++;
    return items[lo][0];
  };
}

export async function writeSyntheticAcledCsv(o: { file: string; events: number; seed: number }): Promise<number> {
  const rnd = mulberry32(o.seed);
  const ua = weighted(UKRAINE, rnd);
  const ru = weighted(RUSSIA, rnd);
  const type = weighted(TYPES, rnd);
  const out = fs.createWriteStream(o.file);
  out.write(ACLED_COLUMNS.join(",") + "\n");
  let buf: string[] = [];
  for (let i = 0; i < o.events; i++) {
    const day = new Date(START + Math.floor(rnd() * DAYS) * 86_400_000).toISOString().slice(0, 10);
    const inRussia = rnd() < 0.08;
    const country = inRussia ? "Russia" : "Ukraine";
    const admin1 = inRussia ? ru() : ua();
    const et = type();
    const subs = ACLED_SUB_EVENT_TYPES[et];
    const sub = subs[Math.floor(rnd() * subs.length)];
    const a1 = inRussia ? (rnd() < 0.8 ? UA : RU) : rnd() < 0.8 ? RU : UA;
    const a2 = et === "Battles" ? (a1 === UA ? RU : UA) : "";
    const fat = rnd() < 0.7 ? 0 : Math.floor(-Math.log(1 - rnd()) * 4);
    const prec = rnd() < 0.9 ? 1 : rnd() < 0.7 ? 2 : 3;
    const lat = (inRussia ? 51 : 48.5) + (rnd() - 0.5) * 3;
    const lon = (inRussia ? 36 : 35) + (rnd() - 0.5) * 8;
    // Some notes carry commas, quotes and line breaks, as real exports do.
    const note =
      rnd() < 0.1 ? `"SYNTHETIC bench event ${i}, ""quoted"" part,\nsecond line"` : `SYNTHETIC bench event ${i}: ${sub.toLowerCase()} near a made-up place`;
    buf.push(
      [
        `SYN${i}`,
        day,
        day.slice(0, 4),
        prec,
        et === "Protests" || et === "Riots" ? "Demonstrations" : "Political violence",
        et,
        sub,
        a1,
        "",
        a1 === UA ? 1 : 8,
        a2,
        "",
        a2 ? (a2 === UA ? 1 : 8) : 0,
        a2 ? 18 : 10,
        "",
        inRussia ? 643 : 804,
        "Europe",
        country,
        admin1,
        "",
        "",
        `Synthetic-${i % 997}`,
        lat.toFixed(4),
        lon.toFixed(4),
        1 + Math.floor(rnd() * 3),
        "Synthetic source",
        "National",
        note,
        fat,
        "",
        1748000000,
      ].join(","),
    );
    if (buf.length >= 5000) {
      if (!out.write(buf.join("\n") + "\n")) await once(out, "drain");
      buf = [];
    }
  }
  out.write(buf.length ? buf.join("\n") + "\n" : "");
  out.end();
  await once(out, "finish");
  return fs.statSync(o.file).size;
}
