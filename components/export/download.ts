"use client";

/** Saves a blob under a file name through a temporary link (works in every browser, no popup). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Copies a PNG to the clipboard. The blob is handed over as a promise inside
 * the click: Safari refuses clipboard writes that start after an await.
 */
export async function copyPngToClipboard(png: Promise<Blob>): Promise<void> {
  if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write) {
    throw new Error("This browser cannot copy images; download the PNG instead.");
  }
  await navigator.clipboard.write([new ClipboardItem({ "image/png": png })]);
}
