// Saving text the core produced (an export) as a file, the browser's way.

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has been handled synchronously; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
