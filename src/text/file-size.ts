// Sizes of files for people and for the --max-file-size flag: text only, used by the CLI and by the readers
// that refuse a file (the workbook reader among them).

/** A size for people: "61.2 MiB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

/** The smallest whole number of MiB, rounded up to a power of two, that holds `bytes`: what to pass to --max-file-size. */
export function suggestedLimit(bytes: number): string {
  let mib = 16;
  while (mib * 1024 * 1024 < bytes) mib *= 2;
  return `${mib}MiB`;
}
